import { defineMessages } from "../define";

export const poolYears = defineMessages({
  da: {},
  en: {},
});
