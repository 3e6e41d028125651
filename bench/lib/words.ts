// Danish words and sentences for generated (fictional) units, people and applications.
import type { CostCategory } from "~/domain/screening/rules";

export const DISTRICTS = [
  "Nord", "Syd", "Øst", "Vest", "Midtbyen", "Viby", "Gellerup", "Tilst", "Risskov", "Hasle", "Skejby",
  "Lystrup", "Harlev", "Tranbjerg", "Åby", "Brabrand", "Hjortshøj", "Beder", "Egå", "Højbjerg", "Trige", "Sabro",
];

export const FIRST_NAMES = [
  "Anne", "Mette", "Hanne", "Susanne", "Lene", "Marianne", "Camilla", "Louise", "Maria", "Julie", "Sara", "Ida",
  "Emma", "Freja", "Sofie", "Karen", "Birgitte", "Helle", "Tina", "Pernille", "Nadia", "Fatima", "Amina", "Zeynep",
  "Peter", "Jens", "Lars", "Henrik", "Søren", "Thomas", "Martin", "Michael", "Jesper", "Anders", "Rasmus", "Mads",
  "Mikkel", "Jonas", "Kasper", "Frederik", "Niels", "Ole", "Bo", "Torben", "Ahmed", "Ali", "Mohammad", "Kristian",
];

export const LAST_NAMES = [
  "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
  "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
  "Møller", "Mortensen", "Østergaard", "Kjær", "Holm", "Lund", "Vestergaard", "Nørgaard", "Bach", "Dahl",
  "Kaya", "Yilmaz", "Hussein", "Rahimi", "Ahmadi", "Karimi", "Nguyen", "Mikkelsen", "Frandsen", "Bertelsen",
];

/** For e-mail addresses. */
export function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]/g, "");
}

export const TITLE_FORMS = [
  "Kursus i", "Uddannelsesforløb i", "Temadag om", "Konference om", "Netværk om", "Supervision i", "E-læring om",
  "Opkvalificering i", "Workshopforløb om", "Masterclass i", "Studietur om", "Faglig fordybelse i",
];

export const TOPICS = [
  "konflikthåndtering", "forebyggelse af vold og trusler", "motiverende samtale", "traumebevidst tilgang",
  "digital sagsbehandling", "brug af kunstig intelligens i sagsarbejdet", "low arousal", "rehabilitering",
  "kommunikation med borgere", "ledelse af ledere", "arbejdsmiljø og trivsel", "sygefraværssamtaler",
  "tværfagligt samarbejde", "effektive arbejdsgange", "klarsprog i afgørelser", "børnesamtaler",
  "recovery-orienteret praksis", "socialpsykiatri", "rusmiddelbehandling", "virksomhedsrettet beskæftigelse",
  "databeskyttelse", "økonomistyring", "projektledelse", "mentorordninger", "interkulturel kommunikation",
  "selvskadende adfærd", "mentaliseringsbaseret praksis", "dokumentation i Fælles Sprog III", "borgerinddragelse",
  "ny lovgivning på handicapområdet",
];

export const AUDIENCES = [
  "for bostøtter", "for sagsbehandlere", "for pædagoger", "for ledere", "for jobkonsulenter", "for socialrådgivere",
  "for administrative medarbejdere", "for rusmiddelkonsulenter", "for sundhedsfagligt personale", "for hele enheden",
];

export const TARGET_GROUPS = [
  "Medarbejdere i botilbud og dagtilbud", "Sagsbehandlere i myndighed", "Pædagogisk personale", "Ledere og teamledere",
  "Jobkonsulenter og virksomhedskonsulenter", "Socialrådgivere", "Administrative medarbejdere", "Nyansatte medarbejdere",
  "Medarbejdere med borgerkontakt", "Hele enheden",
];

export const PURPOSE_SENTENCES = [
  "Vi ønsker at styrke medarbejdernes faglighed inden for {topic}, så borgerne møder en mere ensartet og kvalificeret indsats.",
  "Aktiviteten skal give et fælles fagligt sprog om {topic} på tværs af teams og vagtlag.",
  "Enheden har oplevet en stigning i komplekse sager, hvor {topic} er afgørende for et godt forløb.",
  "Forløbet kombinerer undervisning med træning i egen praksis og afsluttes med en fælles opsamling.",
  "Vi samarbejder med et andet forvaltningsområde, så indsatsen hænger sammen for de borgere, der har kontakt med begge.",
  "Målet er færre overleveringer og kortere sagsbehandlingstid.",
  "Medarbejderne har i trivselsmålingen peget på behov for mere viden om {topic}.",
  "Indsatsen understøtter MSB's fælles retning og årets prioriterede fokusområder.",
  "Vi vil afprøve nye digitale værktøjer og dele erfaringerne med resten af MSB.",
  "Undervisningen tilrettelægges, så alle vagtlag kan deltage uden at driften påvirkes unødigt.",
  "Erfaringerne fra et tidligere pilotforløb viser, at en fælles opkvalificering giver bedre resultater end enkeltkurser.",
  "Der er særligt fokus på at omsætte viden om {topic} til konkrete arbejdsgange i hverdagen.",
];

export const EFFECT_SENTENCES = [
  "Vi forventer færre episoder med vold og trusler og en tryggere arbejdsdag.",
  "Borgerne vil opleve en mere ensartet og imødekommende kontakt.",
  "Sagsbehandlingstiden forventes nedbragt, fordi arbejdsgangene bliver mere ensartede.",
  "Sygefraværet forventes at falde som følge af bedre trivsel.",
  "Medarbejderne får et fælles fagligt grundlag, der gør samarbejdet på tværs lettere.",
  "Lederne får bedre redskaber til at prioritere og træffe beslutninger.",
];

export const FOLLOW_UP_SENTENCES = [
  "Effekten følges op med en evaluering efter tre og tolv måneder.",
  "Vi måler på antal registrerede episoder før og efter forløbet.",
  "Deltagerne udfylder et spørgeskema før og efter, og resultaterne drøftes i MED-udvalget.",
  "Erfaringerne præsenteres på et fælles personalemøde og i afrapporteringen til puljen.",
  "Lederen følger op på de aftalte indsatser i de årlige MUS-samtaler.",
];

export const JUSTIFICATIONS = [
  "Aktiviteten er målrettet én enhed, men erfaringerne deles med de øvrige områder bagefter.",
  "Holdet er mindre, fordi forløbet kræver tæt supervision af den enkelte deltager.",
  "Forløbet strækker sig ind i næste år, fordi underviseren først har kapacitet fra efteråret.",
];

export const RETURN_COMMENTS = [
  "Uddyb venligst, hvordan effekten følges op.",
  "Budgettet mangler en opdeling af udgifterne til transport og ophold.",
  "Angiv venligst det forventede antal deltagere pr. hold.",
  "Egenfinansieringen skal fremgå tydeligere af ansøgningen.",
  "Beskriv samarbejdet med de andre forvaltningsområder nærmere.",
];

export const ENDORSE_COMMENTS = [
  "Indstilles: aktiviteten passer godt til områdets strategi.",
  "Indstilles med høj prioritet.",
  "Vigtig indsats for arbejdsmiljøet i området.",
  "Indstilles; vi følger op på effekten i områdets MED-udvalg.",
];

export const COST_DESCRIPTIONS: Record<CostCategory, readonly string[]> = {
  COURSE_FEE: ["Kursusafgift", "Deltagergebyr", "Uddannelsesafgift", "Konferencebillet"],
  SUBSTITUTE_COVER: ["Vikardækning under kurset", "Vikartimer"],
  TRANSPORT: ["Togbilletter", "Kørsel efter statens takst", "Bus til studietur"],
  ACCOMMODATION: ["Hotel og forplejning", "Internatophold", "Forplejning"],
  MATERIALS: ["Bøger og materialer", "Kursusmaterialer", "Licenser til e-læring"],
  EXTERNAL_TEACHING: ["Ekstern underviser", "Supervisor", "Oplægsholder"],
  OTHER: ["Lokaleleje", "Andre udgifter", "Tolkebistand"],
};

/** Cost line amounts in whole kroner by category: [min, max]. */
export const COST_RANGES: Record<CostCategory, readonly [number, number]> = {
  COURSE_FEE: [3_000, 90_000],
  SUBSTITUTE_COVER: [5_000, 50_000],
  TRANSPORT: [500, 15_000],
  ACCOMMODATION: [2_000, 40_000],
  MATERIALS: [300, 12_000],
  EXTERNAL_TEACHING: [8_000, 60_000],
  OTHER: [500, 10_000],
};

export const COST_WEIGHTS: readonly (readonly [CostCategory, number])[] = [
  ["COURSE_FEE", 35],
  ["EXTERNAL_TEACHING", 15],
  ["TRANSPORT", 15],
  ["ACCOMMODATION", 12],
  ["MATERIALS", 12],
  ["SUBSTITUTE_COVER", 6],
  ["OTHER", 5],
];

export const ATTACHMENT_FILES = [
  { fileName: "Kursusbeskrivelse.pdf", mimeType: "application/pdf" },
  { fileName: "Budget.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { fileName: "Program for temadagen.pdf", mimeType: "application/pdf" },
  { fileName: "Tilbud fra underviser.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
];

export const ROUND_NAMES = [
  { name: "Forårsrunde", opens: "02-01", closes: "03-01", endorse: "03-15", decision: "04-05" },
  { name: "Sommerrunde", opens: "04-20", closes: "05-20", endorse: "06-03", decision: "06-20" },
  { name: "Efterårsrunde", opens: "09-01", closes: "10-01", endorse: "10-15", decision: "11-05" },
  { name: "Vinterrunde", opens: "11-16", closes: "12-11", endorse: "12-15", decision: "12-18" },
] as const;
