import { z } from 'zod';
import { logoUrl, type Office, type Organisation, type Service } from './domain.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);

/** A text in several languages; keys are ISO 639-1 codes. */
export const localized = z
  .object({ sl: z.string().optional(), cs: z.string().optional(), en: z.string().optional() })
  .meta({
    id: 'Localized',
    description: 'A text in Slovenian, Czech and English; a language may be missing',
  });

export const organisationOut = z.object({
  slug,
  name: localized,
  description: localized,
  country: z.enum(['SI', 'CZ']),
  defaultLanguage: z.enum(['sl', 'cs', 'en']),
  timeZone: z.string().describe('IANA time zone, e.g. Europe/Ljubljana'),
  currency: z.string().length(3),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  brandColour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .nullable(),
  logoUrl: z.string().nullable().describe('Path of the logo (SVG) on this server, or null'),
});

export const officeOut = z.object({
  slug,
  name: localized,
  address: z.object({ street: z.string(), postcode: z.string(), city: z.string() }),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  openingHours: z.array(
    z.object({
      weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday'),
      opens: z.string().regex(/^\d{2}:\d{2}$/),
      closes: z.string().regex(/^\d{2}:\d{2}$/),
    }),
  ),
});

export const serviceOut = z.object({
  slug,
  name: localized,
  description: localized,
  preparation: localized.describe('What to prepare, one item per line'),
  fee: z
    .object({ amountMinor: z.number().int().min(0), currency: z.string().length(3) })
    .nullable()
    .describe('Fee in minor units (cents, haléře); null when free of charge'),
  feeNote: localized,
  durationMinutes: z.number().int(),
  modes: z.array(z.enum(['video', 'in_person'])),
  offices: z.array(slug).describe('Slugs of the offices that offer this service'),
});

export const organisationParams = z.object({
  organisation: slug.describe('Organisation slug, e.g. ue-domzale'),
});
export const servicesQuery = z.object({
  office: slug.optional().describe('Only services offered at this office'),
});

export const organisationsOut = z.object({ items: z.array(organisationOut) });
export const officesOut = z.object({ items: z.array(officeOut) });
export const servicesOut = z.object({ items: z.array(serviceOut) });

// Examples for the OpenAPI document, from the demo data (tests parse each with its schema).
export const organisationExample: z.infer<typeof organisationOut> = {
  slug: 'koprivnice',
  name: { sl: 'Mesto Kopřivnice', cs: 'Město Kopřivnice', en: 'Town of Kopřivnice' },
  description: {
    cs: 'Portál občana města Kopřivnice: konzultace s úředníky na dálku.',
    en: 'The citizen portal of Kopřivnice: consultations with officials from home.',
  },
  country: 'CZ',
  defaultLanguage: 'cs',
  timeZone: 'Europe/Prague',
  currency: 'CZK',
  email: 'podatelna@koprivnice.example',
  phone: '+420 556 879 411',
  website: 'https://www.example.cz/koprivnice',
  brandColour: '#a3121f',
  logoUrl: '/o/koprivnice/logo.svg?v=3f2a9c1b7d4e',
};

export const officeExample: z.infer<typeof officeOut> = {
  slug: 'stavebni-urad',
  name: { sl: 'Gradbeni urad', cs: 'Stavební úřad', en: 'Building office' },
  address: { street: 'Záhumenní 1152', postcode: '742 21', city: 'Kopřivnice' },
  email: 'stavebni@koprivnice.example',
  phone: '+420 556 879 750',
  timeZone: 'Europe/Prague',
  openingHours: [
    { weekday: 1, opens: '08:00', closes: '17:00' },
    { weekday: 3, opens: '08:00', closes: '17:00' },
  ],
};

export const serviceExample: z.infer<typeof serviceOut> = {
  slug: 'konzultace-stavby',
  name: {
    sl: 'Posvet o gradbenem namenu',
    cs: 'Konzultace stavebního záměru',
    en: 'Consultation on a building plan',
  },
  description: {
    cs: 'Konzultace povolení, ohlášení a dokumentace ke stavbě.',
    en: 'Advice on permits, notifications and documents for building.',
  },
  preparation: {
    cs: 'Situace nebo projektová dokumentace (PDF)',
    en: 'Site plan or project documents (PDF)',
  },
  fee: null,
  feeNote: {},
  durationMinutes: 45,
  modes: ['video', 'in_person'],
  offices: ['stavebni-urad'],
};

export function toOrganisationOut(o: Organisation): z.infer<typeof organisationOut> {
  return {
    slug: o.slug,
    name: o.name,
    description: o.description,
    country: o.country,
    defaultLanguage: o.defaultLanguage,
    timeZone: o.timeZone,
    currency: o.currency,
    email: o.email,
    phone: o.phone,
    website: o.website,
    brandColour: o.brandColour,
    logoUrl: logoUrl(o),
  };
}

export function toOfficeOut(o: Office): z.infer<typeof officeOut> {
  return {
    slug: o.slug,
    name: o.name,
    address: { street: o.street, postcode: o.postcode, city: o.city },
    email: o.email,
    phone: o.phone,
    timeZone: o.timeZone,
    openingHours: o.hours.map((h) => ({
      weekday: h.weekday,
      opens: h.opens.slice(0, 5),
      closes: h.closes.slice(0, 5),
    })),
  };
}

export function toServiceOut(
  s: Service,
  currency: string,
  offices: readonly Office[],
): z.infer<typeof serviceOut> {
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    preparation: s.preparation,
    fee: s.feeMinor === null ? null : { amountMinor: s.feeMinor, currency },
    feeNote: s.feeNote,
    durationMinutes: s.durationMinutes,
    modes: [
      ...(s.byVideo ? (['video'] as const) : []),
      ...(s.inPerson ? (['in_person'] as const) : []),
    ],
    offices: offices.filter((o) => s.officeIds.includes(o.id)).map((o) => o.slug),
  };
}
