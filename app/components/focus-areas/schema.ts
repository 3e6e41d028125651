// The focus-area forms (fokusområder): creating one, and editing one, which
// also switches it on or off. The service checks the same limits again.
import { z } from "zod";
import { checkbox } from "~/utils/validation";

export const FocusAreaSchema = z.object({
  name: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(120, { error: "validation.tooLong" }),
  description: z.string().trim().max(1000, { error: "validation.tooLong" }).optional().transform((v) => v ?? ""),
});

export const FocusAreaEditSchema = FocusAreaSchema.extend({ active: checkbox });
