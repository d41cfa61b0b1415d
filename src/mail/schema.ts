import { z } from 'zod';

/** Path parameters of one message in the development mailbox. */
export const mailIdParams = z.object({ id: z.uuid() });
