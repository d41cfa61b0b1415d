import { z } from 'zod';
import { logoUrl, type Office, type Organisation, type Service } from './domain.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);

/** A text in several languages; keys are ISO 639-1 codes. */
export const localized = z
  .object({ sl: z.string().optional(), cs: z.string().optional(), en: z.string().optional() })
  .meta({ id: 'Localized', description: 'A text in Slovenian, Czech and English; a language may be missing' });

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
  brandColour: z.string().regex(/^#[0-9a-f]{6}$/).nullable(),
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

export const organisationParams = z.object({ organisation: slug.describe('Organisation slug, e.g. ue-domzale') });
export const servicesQuery = z.object({ office: slug.optional().describe('Only services offered at this office') });

export const organisationsOut = z.object({ items: z.array(organisationOut) });
export const officesOut = z.object({ items: z.array(officeOut) });
export const servicesOut = z.object({ items: z.array(serviceOut) });

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
    openingHours: o.hours.map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
  };
}

export function toServiceOut(s: Service, currency: string, offices: readonly Office[]): z.infer<typeof serviceOut> {
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    preparation: s.preparation,
    fee: s.feeMinor === null ? null : { amountMinor: s.feeMinor, currency },
    feeNote: s.feeNote,
    durationMinutes: s.durationMinutes,
    modes: [...(s.byVideo ? (['video'] as const) : []), ...(s.inPerson ? (['in_person'] as const) : [])],
    offices: offices.filter((o) => s.officeIds.includes(o.id)).map((o) => o.slug),
  };
}
