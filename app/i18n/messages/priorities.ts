import { defineMessages } from "../define";

export const priorities = defineMessages({
  da: {},
  en: {},
});
