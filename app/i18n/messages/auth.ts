import { defineMessages } from "../define";

export const auth = defineMessages({
  da: {
    "login.title": "Log ind",
    "login.intro": "Log ind med din e-mailadresse og adgangskode.",
    "login.email": "E-mail",
    "login.password": "Adgangskode",
    "login.submit": "Log ind",
    "login.invalid": "E-mail eller adgangskode er forkert.",
    "login.throttled": "For mange mislykkede forsøg. Vent {seconds} sekunder, og prøv igen.",
    "login.demoTitle": "Demobrugere",
    "login.demoIntro": "Demodata er slået til. Alle demobrugere har adgangskoden {password}.",
    "login.demoUser": "Bruger",
    "login.demoRole": "Rolle",
    "login.expired": "Du er blevet logget ud. Log ind igen.",
    "logout.done": "Du er logget ud.",
  },
  en: {
    "login.title": "Log in",
    "login.intro": "Log in with your e-mail address and password.",
    "login.email": "E-mail",
    "login.password": "Password",
    "login.submit": "Log in",
    "login.invalid": "The e-mail or password is wrong.",
    "login.throttled": "Too many failed attempts. Wait {seconds} seconds and try again.",
    "login.demoTitle": "Demo users",
    "login.demoIntro": "Demo data is on. Every demo user has the password {password}.",
    "login.demoUser": "User",
    "login.demoRole": "Role",
    "login.expired": "You have been logged out. Log in again.",
    "logout.done": "You are logged out.",
  },
});
