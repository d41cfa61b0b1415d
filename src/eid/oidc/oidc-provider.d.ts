// The few parts of oidc-provider 9 (a devDependency without its own types) that the tests'
// NIA-like provider uses (testing-provider.ts).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Interaction = { uid: string; params: Record<string, unknown> };
  type Account = { accountId: string; claims(): Record<string, unknown> };

  export default class Provider {
    constructor(
      issuer: string,
      configuration: Record<string, unknown> & {
        interactions?: { url(ctx: unknown, interaction: Interaction): string };
        findAccount?(ctx: unknown, id: string): Account | undefined;
      },
    );
    issuer: string;
    IdToken: unknown;
    Grant: new (init: { accountId: string; clientId: string }) => {
      addOIDCScope(scope: string): void;
      addOIDCClaims(claims: string[]): void;
      save(): Promise<string>;
    };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
