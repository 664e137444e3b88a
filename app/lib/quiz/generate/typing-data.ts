/**
 * Typing hints for names that occur in the guide. Neither NLP library knows this domain, so
 * this table says what KIND of thing a name is (and which names are spellings of one entity).
 * It adds no facts: an entry is used only when one of its spellings occurs in the lesson text,
 * and every question is still built from the text. Sub-kinds keep distractors of the same kind
 * (an anarchist writer against anarchist writers, a White general against White generals).
 *
 * Format: [kind, subkind, canonical, ...other spellings]. Lower-case spellings match
 * lower-case text too (terms); capitalised ones match only capitalised text.
 */
import type { FactKind } from "../types";

type Row = [FactKind, string, string, ...string[]];

export const TYPING: Row[] = [
  // People: Bolsheviks
  ["person", "bolshevik", "Lenin", "Vladimir Lenin"],
  ["person", "bolshevik", "Trotsky", "Leon Trotsky", "Lev Trotsky"],
  ["person", "bolshevik", "Stalin"],
  ["person", "bolshevik", "Nikolai Bukharin", "Bukharin"],
  ["person", "bolshevik", "Kamenev"],
  ["person", "bolshevik", "Zinoviev"],
  ["person", "bolshevik", "Felix Dzherzhinsky", "Dzherzhinsky"],
  ["person", "bolshevik", "N. K. Krupskaya", "Krupskaya"],
  ["person", "bolshevik", "Gavril Miasnikov", "Miasnikov"],
  // People: other socialists
  ["person", "moderate", "Yuli Martov", "Martov"],
  ["person", "moderate", "Alexander Kerensky", "Kerensky"],
  ["person", "moderate", "Georgii Plekhanov", "Plekhanov"],
  ["person", "critic", "Karl Kautsky", "Kautsky"],
  ["person", "theorist", "Marx"],
  ["person", "commander", "Alexander Antonov", "Antonov"],
  ["person", "assassin", "Dora Kaplan", "Kaplan"],
  ["person", "sr", "A. Izmaylovich", "Izmaylovich"],
  ["person", "critic", "Paul Mattick", "Mattick"],
  // People: anarchists
  ["person", "anarchist", "Voline"],
  ["person", "anarchist", "Gregori Maximov", "Maximov"],
  ["person", "anarchist", "Nestor Makhno", "Makhno"],
  ["person", "anarchist", "Peter Arshinov", "Arshinov"],
  // Thinkers of the nineteenth century: never a stand-in for an actor of 1917-21.
  ["person", "theorist", "Mikhail Bakunin", "Bakunin"],
  ["person", "theorist", "Proudhon"],
  ["person", "theorist", "Kropotkin"],
  ["person", "anarchist", "Gratchov"],
  ["person", "anarchist", "Anatoli Jelezniakov", "Jelezniakov"],
  ["person", "anarchist", "Maria Nikiforova", "Nikiforova"],
  ["person", "anarchist", "Emma Goldman", "Goldman"],
  ["person", "anarchist", "Alexander Berkman", "Berkman"],
  // People: Whites, tsarist officers, rulers
  ["person", "white", "Kornilov"],
  ["person", "white", "Denikin"],
  ["person", "white", "Wrangel"],
  ["person", "white", "Kolchak"],
  ["person", "white", "Kozlovsky"],
  ["person", "white", "Grigoriev"],
  ["person", "ruler", "Nicholas II"],
  ["person", "ruler", "Alexander II", "Alexander Nikolaevich"],
  ["person", "ruler", "Peter the First"],
  ["person", "commander", "Enver Pasha", "Enver"],
  // People: scholars and other writers cited
  ["person", "scholar", "Goodwin"],
  ["person", "scholar", "Pipes"],
  ["person", "scholar", "Rywkin"],
  ["person", "scholar", "Olcott"],
  ["person", "scholar", "Haugen"],
  ["person", "scholar", "Posadskii"],
  ["person", "scholar", "Carl Schmitt", "Schmitt"],
  ["person", "novelist", "Tolstoy"],
  ["person", "philosopher", "Kant"],
  ["person", "philosopher", "Plato"],
  ["person", "philosopher", "Schopenhauer"],
  ["person", "french", "Thiers"],
  ["person", "french", "Gallifet"],

  // Places
  ["place", "city", "Petrograd", "St. Petersburg"],
  ["place", "city", "Moscow"],
  ["place", "city", "Kronstadt"],
  ["place", "city", "Tiflis", "Tbilisi"],
  // (The guide names it only as "the Tambov region".)
  ["place", "region", "Tambov"],
  ["place", "city", "Samara"],
  ["place", "city", "Kazan"],
  ["place", "city", "Saratov"],
  ["place", "city", "Astrakhan"],
  ["place", "city", "Kharkov"],
  ["place", "city", "Yekaterinoslav"],
  ["place", "city", "Elizabethgrad"],
  ["place", "city", "Dvinsk"],
  ["place", "city", "Arkhangelsk"],
  ["place", "city", "Kokand"],
  ["place", "city", "Tashkent"],
  ["place", "city", "Paris"],
  ["place", "region", "Russia"],
  ["place", "region", "Ukraine"],
  ["place", "region", "Georgia"],
  ["place", "region", "Armenia"],
  ["place", "region", "Finland"],
  ["place", "region", "Siberia"],
  ["place", "region", "Crimea"],
  ["place", "region", "Caucasia"],
  ["place", "region", "Germany"],
  ["place", "region", "Turkey"],
  ["place", "region", "Afghanistan"],
  ["place", "region", "Belarus"],
  ["place", "region", "Baltic States"],
  ["place", "region", "Turkestan"],
  ["place", "region", "Central Asia"],
  ["place", "region", "Western Europe"],
  ["place", "region", "Urals"],
  ["place", "region", "Volga"],
  ["place", "region", "Don basin"],
  ["place", "region", "Far East"],
  ["place", "building", "Winter Palace"],
  ["place", "building", "Finland Station"],
  ["place", "building", "Nobel refinery"],

  // Organisations
  ["organisation", "party", "Bolshevik Party", "Communist Party"],
  ["organisation", "party", "Socialist-Revolutionary (SR) Party", "SR Party"],
  ["organisation", "party", "Russian Social Democratic Party"],
  ["organisation", "state", "Provisional Government"],
  ["organisation", "state", "Petrograd Soviet", "Petrograd Soviet of Workers' and Soldiers' Deputies"],
  ["organisation", "state", "Revolutionary Military Committee"],
  ["organisation", "state", "Bolshevik Central Committee", "Central Committee"],
  ["organisation", "state", "Council of People's Commissars"],
  ["organisation", "state", "Constituent Assembly"],
  [
    "organisation",
    "state",
    "Second All-Russia Congress of Soviets",
    "All-Russia Congress of Soviets",
    "All-Russia Congress",
    "Congress of Soviets",
  ],
  ["organisation", "state", "CheKa", "Extraordinary Committee", "Extraordinary Committees"],
  ["organisation", "state", "GPU", "State Political Administration"],
  ["organisation", "state", "Tashkent Soviet"],
  ["organisation", "state", "Kokand government"],
  ["organisation", "state", "Revolutionary Circuit Courts"],
  ["organisation", "state", "Seventh Congress of Soviets"],
  ["organisation", "state", "Eighth Congress"],
  ["organisation", "state", "Third All-Russian Congress of Trade Unions"],
  ["organisation", "state", "Fourth Extraordinary Convention"],
  ["organisation", "armed", "Red Army"],
  ["organisation", "armed", "White Army", "White Armies", "White armies"],
  ["organisation", "armed", "Insurrectionary Army", "Insurrectionary Army of Ukraine", "Insurgent Army"],
  ["organisation", "armed", "Black Guards"],
  ["organisation", "armed", "Czech Legion"],
  ["organisation", "armed", "Imperial Guards"],
  ["organisation", "armed", "Dvintsi"],
  ["organisation", "armed", "M. A. Bakunin Partisan Detachment"],
  ["organisation", "armed", "Black Hundreds"],
  ["organisation", "armed", "Green Armies"],
  ["organisation", "movement", "Union for Anarcho-Syndicalist Propaganda"],
  ["organisation", "movement", "Federation of Anarchist Groups of Moscow"],
  ["organisation", "movement", "Nabat", "Nabat Confederation"],
  ["organisation", "movement", "Pan-Russian Anarchist Confederation"],
  ["organisation", "movement", "Melbourne Anarchist Communist Group"],
  ["organisation", "movement", "Factory Committees", "Factory Committee"],
  ["organisation", "publication", "Golos Truda"],
  ["organisation", "dynasty", "Romanov dynasty"],
  ["organisation", "dynasty", "Central Powers"],

  // Groups and movements
  ["group", "political", "Bolsheviks", "Bolsheviki"],
  ["group", "political", "Mensheviks"],
  ["group", "political", "Social Revolutionaries", "SRs", "Socialist-Revolutionaries"],
  ["group", "political", "Left-SR's", "Left SR's", "Left-Socialist Revolutionaries"],
  ["group", "political", "Right-SR's"],
  ["group", "political", "Maximalists"],
  ["group", "political", "Leninists"],
  ["group", "political", "Trotskyists"],
  ["group", "political", "Old Bolsheviks"],
  ["group", "political", "Nazis"],
  ["group", "armed", "Makhnovists"],
  ["group", "armed", "Greens"],
  ["group", "armed", "Whites"],
  ["group", "armed", "Reds"],
  ["group", "armed", "Kronstadters"],
  ["group", "armed", "Basmachi"],
  ["group", "people", "Kirghiz-Kazakh", "Kirghiz-Kazakhs"],
  ["group", "people", "Kulaks"],

  // Events
  ["event", "revolution", "February Revolution"],
  ["event", "revolution", "October Revolution", "Red October"],
  ["event", "revolution", "1905 Revolution"],
  ["event", "revolution", "Third Revolution"],
  ["event", "revolution", "French Revolution"],
  ["event", "revolution", "Paris Commune"],
  ["event", "revolution", "Kronstadt Commune", "Kronstadt Rebellion"],
  ["event", "revolution", "Tambov Rebellion"],
  ["event", "conflict", "First World War", "World War I"],
  ["event", "conflict", "Russian Civil War", "Civil War"],
  ["event", "conflict", "Red Terror"],
  ["event", "conflict", "White Terror"],
  ["event", "conflict", "Kornilov Affair"],
  ["event", "conflict", "Bloody Sunday"],
  ["event", "conflict", "International Women's Day"],
  ["event", "policy", "New Economic Policy"],
  ["event", "policy", "Stolypin reforms"],

  // Documents, texts, songs, slogans
  ["document", "decree", "April Theses", "April theses"],
  ["document", "decree", "Treaty of Brest-Litovsk"],
  ["document", "decree", "Petropavlovsk resolution"],
  ["document", "decree", "Land Decree"],
  ["document", "decree", "Soviet Constitution"],
  ["document", "text", "The Tax in Kind"],
  ["document", "text", "The Immediate Tasks of Soviet Power"],
  ["document", "text", "The Party Crisis"],
  ["document", "text", "The Revolution Betrayed"],
  ["document", "text", "The Guillotine at Work"],
  ["document", "text", "Statism and Anarchy"],
  ["document", "song", "The Internationale"],
  ["document", "slogan", "Socialism in One Country"],
  ["document", "slogan", "All Power to the Soviets"],
  ["document", "slogan", "Land and Liberty"],

  // Key terms (lower-case spellings match in running text)
  ["term", "calendar", "Julian calendar", "Julian"],
  ["term", "calendar", "Gregorian calendar", "Gregorian"],
  ["term", "authoritarian", "substitutionism"],
  ["term", "authoritarian", "state capitalism", "State capitalism"],
  ["term", "libertarian", "workers' control"],
  ["term", "libertarian", "self-management"],
  ["term", "authoritarian", "dictatorship of the proletariat"],
  ["term", "authoritarian", "one man management"],
  ["term", "authoritarian", "militarization of labor"],
  ["term", "concept", "syndicalist deviation"],
  ["term", "libertarian", "consistent federalism"],
  ["term", "libertarian", "direct democracy"],
  ["term", "authoritarian", "one-party dictatorship"],
  ["term", "concept", "political principle"],
  ["term", "authoritarian", "vanguard"],
  ["term", "concept", "waqf"],
  ["term", "repression", "death penalty"],
  ["term", "repression", "martial law"],
  ["term", "repression", "concentration camps"],
  ["term", "repression", "scorched-earth tactics"],
  ["term", "repression", "grain requisitions", "grain-requisitions"],
];

/**
 * Capitalised words that are never keys on their own: too generic to have one answer
 * ("In this _____, the peasantry retook the land").
 */
export const GENERIC = new Set(
  (
    "Revolution Revolutions State States Party Parties Army Armies Government Soviet Soviets Congress " +
    "Committee Committees Union Empire Terror Commune Communist Communists Anarchist Anarchists Anarchism " +
    "Red White Green Russian Russians Soviet Tsar Czar Tsarism General Admiral Federation Confederation " +
    "Earth God March May Left Right Party's Russian Revolution Revolution's"
  ).split(" "),
);

/** Multi-word names too general to be a key in this guide (nearly every sentence is about them). */
export const GENERIC_NAMES = new Set([
  "Russian Revolution",
  "State Terror",
  "Red State",
  "Soviet Union",
  "Russian Empire",
]);

/** Words that may stand right before a person's name without being part of it. */
export const ROLE_WORDS = new Set(
  "General Generals Admiral Tsar Czar Menshevik Bolshevik Left-SR SR head leader commander anarchist Communist White Red".split(
    " ",
  ),
);

/**
 * Which place lies inside which (canonical names): a typed blank for one is ambiguous when the
 * lesson also names the other ("In _____, the Reds …": Turkestan or Central Asia), and the two are
 * never offered against each other. "Russia" is a parent of cities only (regions of the former
 * Empire are not "in Russia" in this guide's usage).
 */
export const PLACE_PARENT: Record<string, string> = {
  Tashkent: "Turkestan",
  Kokand: "Turkestan",
  Turkestan: "Central Asia",
  Petrograd: "Russia",
  Moscow: "Russia",
  Kronstadt: "Russia",
  Tambov: "Russia",
  Samara: "Russia",
  Kazan: "Russia",
  Saratov: "Russia",
  Astrakhan: "Russia",
  Arkhangelsk: "Russia",
  Dvinsk: "Russia",
  Kharkov: "Ukraine",
  Yekaterinoslav: "Ukraine",
  Elizabethgrad: "Ukraine",
  Tiflis: "Georgia",
  Georgia: "Caucasia",
  Armenia: "Caucasia",
  "Winter Palace": "Petrograd",
  "Finland Station": "Petrograd",
  Paris: "Western Europe",
};

/**
 * Person sub-kinds that may stand in for each other as distractors (same role and era): Bolshevik
 * leaders against each other, the moderate socialists and SRs of 1917 against each other, anarchist
 * writers and militants against each other; a novelist never against philosophers, an assassin
 * never among theorists (a sub-kind of its own is never a distractor).
 */
export const PERSON_ROLE_GROUPS: string[][] = [
  ["bolshevik"],
  ["moderate", "sr"],
  ["anarchist"],
  ["critic"],
  ["theorist"],
  ["white"],
  ["ruler"],
  ["commander"],
  ["scholar"],
  ["novelist"],
  ["philosopher"],
  ["assassin"],
  ["french"],
];

/**
 * The political actors of the period: a name typed only by a cue ("Voline writes") is offered
 * among them, and a gloss of one ("a CheKa head") is a wrong answer to "who was …?" for another.
 */
export const PERIOD_ACTORS = ["bolshevik", "moderate", "sr", "anarchist", "critic", "assassin"];

/**
 * Sides of the conflict (canonical names of groups and bodies). What one member of a side did,
 * another may be said to have done too, so a side's deeds never serve as each other's distractors.
 */
export const SIDE: Record<string, string> = {
  Bolsheviks: "regime",
  Reds: "regime",
  "Red Army": "regime",
  "Bolshevik Party": "regime",
  CheKa: "regime",
  GPU: "regime",
  "Council of People's Commissars": "regime",
  "Bolshevik Central Committee": "regime",
  "Revolutionary Military Committee": "regime",
  "Tashkent Soviet": "regime",
  Leninists: "regime",
  "Old Bolsheviks": "regime",
  Trotskyists: "regime",
  "Seventh Congress of Soviets": "regime",
  "Eighth Congress": "regime",
  "Revolutionary Circuit Courts": "regime",
  Makhnovists: "anarchist",
  "Insurrectionary Army": "anarchist",
  "Black Guards": "anarchist",
  Nabat: "anarchist",
  "Golos Truda": "anarchist",
  "Union for Anarcho-Syndicalist Propaganda": "anarchist",
  "Federation of Anarchist Groups of Moscow": "anarchist",
  "Pan-Russian Anarchist Confederation": "anarchist",
  "M. A. Bakunin Partisan Detachment": "anarchist",
  Whites: "white",
  "White Army": "white",
  "Czech Legion": "white",
  "Black Hundreds": "white",
  "Social Revolutionaries": "sr",
  "Left-SR's": "sr",
  "Right-SR's": "sr",
  Maximalists: "sr",
  "Socialist-Revolutionary (SR) Party": "sr",
  Greens: "green",
  "Green Armies": "green",
};
