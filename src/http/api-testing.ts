// What the API's refusal tests share: a response as inject returns it, a problem document's
// shape, and addresses that exist or do not in the demo data.
export type Injected = {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  json(): unknown;
};
export type ProblemBody = {
  type: string;
  code: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; code: string }[];
};

export const JSON_TYPE = { 'content-type': 'application/json' };
export const WHERE = '/api/v1/organisations/koprivnice/services/konzultace-stavby';
export const NO_HOLD = '00000000-0000-4000-8000-000000000000';
export const NO_TOKEN = 'a'.repeat(43);
