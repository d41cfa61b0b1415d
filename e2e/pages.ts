import type { Page } from 'playwright-core';

/** Page objects: what a person does on each page, in the words of the page. */
export class HomePage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  async open(lang = 'en'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/?lang=${lang}`);
  }
  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(query);
    await this.page.getByRole('button', { name: /Search|Išči|Hledat/ }).click();
  }
}

export class SignInPage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  async open(lang = 'en'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/staff/sign-in?lang=${lang}`);
  }
  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('#email').fill(email);
    await this.page.locator('#password').fill(password);
    await this.page.getByRole('button', { name: /^(Sign in|Prijava|Přihlásit)$/ }).click();
  }
  async errorSummary(): Promise<string> {
    return (await this.page.locator('.error-summary').textContent()) ?? '';
  }
}
