import { defineMessages } from "../define";

export const guidelines = defineMessages({
  da: {},
  en: {},
});
