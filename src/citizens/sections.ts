import type { PageContext } from '../http/page.ts';
import type { Html } from '../views/html.ts';
import { EMAIL_PROVIDER } from './domain.ts';
import type { EidProviderSettings } from './providers.ts';
import type { CitizenAccount, CitizenPrincipal } from './service.ts';
import { identitySection, signOutSection } from './views/account.ts';
import { profileSection } from './views/profile.ts';
import { yourDataSection } from './views/your-data.ts';

/** What a section of the account page renders from: the account, the session, the page context. */
export type AccountSectionInput = {
  account: CitizenAccount;
  citizen: CitizenPrincipal;
  ctx: PageContext;
};

/**
 * A part of /account that a domain adds (profile, appointments, submissions, fees): sections
 * render in `order` (lower first), each as a whole `<section>` with its own heading. `render`
 * may load what it shows; it must show only the signed-in account's own data.
 */
export type AccountSection = {
  id: string;
  order: number;
  render(input: AccountSectionInput): Html | Promise<Html>;
};

/**
 * The account page's sections. Made once by the composition root (services.ts), which registers
 * each domain's section there; the citizens domain imports none of them.
 */
export function accountSections(initial: readonly AccountSection[] = []) {
  const sections: AccountSection[] = [];
  const registry = {
    /** Adds a section; an id used twice is a programming error. */
    register(section: AccountSection): void {
      if (sections.some((s) => s.id === section.id))
        throw new Error(`account section ${section.id} registered twice`);
      sections.push(section);
      sections.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    },
    /** The sections in page order. */
    list(): readonly AccountSection[] {
      return sections;
    },
    /** Every section rendered, in order. */
    async render(input: AccountSectionInput): Promise<Html[]> {
      return Promise.all(sections.map(async (s) => s.render(input)));
    },
  };
  for (const s of initial) registry.register(s);
  return registry;
}

export type AccountSections = ReturnType<typeof accountSections>;

/** A provider's name in the reader's language, as configured; the e-mail code's own; else its id. */
export function providerNames(providers: EidProviderSettings) {
  return (id: string, ctx: PageContext): string =>
    id === EMAIL_PROVIDER
      ? ctx.t('citizens.provider.email')
      : (providers.configured(id)?.name[ctx.lang] ?? id);
}

/**
 * The sections the citizens domain itself gives: who is signed in (first), the profile, "your
 * data" (what is held, the export, deletion) and signing out (last).
 */
export function ownSections(providers: EidProviderSettings): AccountSection[] {
  const providerName = providerNames(providers);
  return [
    identitySection(providerName),
    profileSection(providerName),
    yourDataSection,
    signOutSection,
  ];
}
