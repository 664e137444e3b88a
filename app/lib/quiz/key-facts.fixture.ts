/**
 * Held-out key facts: what a teacher would ask about each lesson (who, when, how many, where,
 * what). Written by reading the lessons, not by looking at the generator's output. Each
 * `sentence` is a verbatim fragment of the lesson sentence that states the fact.
 * Used by key-facts.test.ts to measure how much of this the bank covers.
 */
import { normaliseAnswer } from "./marking";
import type { Question } from "./types";

export type KeyFactKind = "who" | "when" | "how_many" | "where" | "what";

export interface KeyFact {
  lessonSlug: string;
  kind: KeyFactKind;
  answer: string;
  sentence: string;
}

const B1 = "what-precipitated-the-crisis-and-revolutionary-events-of";
const B2 = "what-helped-propel-the-revolution";
const B3 = "what-was-the-anarchist-role-in-the-revolution";
const B4 = "how-did-the-events-beginning-in-1917-present-two-opposing";
const B5 = "how-did-the-revolution-go-wrong";
const B6 = "what-was-the-role-of-the-bolshevik-party";
const B7 = "what-was-the-red-terror";
const B8 = "what-was-the-russian-civil-war";
const B9 = "what-about-the-imperialists";
const B10 = "what-happened-in-ukraine";
const B11 = "were-makhno-and-his-followers-anti-semitic";
const B12 = "what-happened-at-kronstadt-in-1921";
const B13 = "how-did-lenin-contradict-his-supposed-anti-imperialist";
const B14 = "how-did-red-october-the-red-terror-and-the-civil-war-lead-to";
const B15 = "what-lessons-should-we-take-from-the-russian-revolution";
const M0 = "introduction";
const M1 = "the-road-to-october";
const M2 = "october";
const M3 = "aftermath";
const M4 = "lessons";
const M5 = "conclusion";

const f = (lessonSlug: string, kind: KeyFactKind, answer: string, sentence: string): KeyFact => ({
  lessonSlug,
  kind,
  answer,
  sentence,
});

export const KEY_FACTS: readonly KeyFact[] = [
  // B1 What precipitated the crisis
  f(B1, "where", "Petrograd", "starving masses rose up in Petrograd"),
  f(
    B1,
    "when",
    "February 1917",
    "In February 1917 (March by the Gregorian calendar), starving masses rose up",
  ),
  f(B1, "when", "February 24", "On the first day of demonstrations, February 24 (Julian calendar)"),
  f(B1, "who", "Nicholas II", "Nicholas II abdicated on March 2"),
  f(B1, "when", "March 2", "Nicholas II abdicated on March 2"),
  f(B1, "what", "Romanov dynasty", "three centuries of despotism by the Romanov dynasty"),
  f(B1, "what", "Imperial Guards", "Even the Imperial Guards turned on the tsarist police."),
  // B2 What helped propel
  f(B2, "who", "Alexander Kerensky", "bourgeois Provisional Government led by Alexander Kerensky"),
  f(B2, "how_many", "85%", "who made up 85% of Russia's population"),
  f(B2, "when", "June 1917", "disastrous offensive on the Austro-German lines in June 1917"),
  f(B2, "who", "Kornilov", "In August, the White General Kornilov attempted to crush the Revolution"),
  f(
    B2,
    "when",
    "July 1918",
    "would continue until July 1918, when the latter attempted to overthrow the Red State",
  ),
  f(B2, "when", "July 6, 1917", "an arrest warrant against Lenin on July 6, 1917"),
  f(B2, "what", "Petrograd Soviet", "the Petrograd Soviet was resurrected from the 1905 Revolution"),
  // B3 Anarchist role
  f(
    B3,
    "when",
    "April 1918",
    "had more time than they were given before the Bolshevik assault of April 1918",
  ),
  f(B3, "when", "October 26, 1917", "their Land Decree, proclaimed on October 26, 1917"),
  f(B3, "where", "Kronstadt", "anarchist sailors from Kronstadt played an important role"),
  f(B3, "who", "Gratchov", "Their commander, Gratchov, distributed arms and ammunition"),
  f(
    B3,
    "who",
    "Anatoli Jelezniakov",
    "Anatoli Jelezniakov, an anarchist Kronstadter, was the one who ordered the dissolution",
  ),
  f(B3, "who", "Maria Nikiforova", "Black Guards detachments commanded by Maria Nikiforova in Ukraine"),
  f(B3, "how_many", "10,000", "had numbered an estimated 10,000 individuals"),
  f(B3, "what", "Golos Truda", 'began publishing Golos Truda ("The Voice of Labor") in Petrograd'),
  // B4 Two conceptions
  f(B4, "when", "April 1918", "initially in April 1918 through outright repression of anarchist individuals"),
  f(
    B4,
    "where",
    "Ukraine",
    "particularly in Ukraine, where the Makhnovists struggled against White reaction",
  ),
  f(B4, "who", "Proudhon", "anarchists followed Proudhon and Bakunin's vision"),
  f(
    B4,
    "what",
    "Kronstadt Commune",
    "until they had suppressed the Kronstadt Commune and otherwise eliminated the libertarian movement",
  ),
  f(B4, "when", "1918", "In 1918, this liberatory alternative posed such a threat"),
  // B5 Go wrong
  f(
    B5,
    "what",
    "The Revolution Betrayed",
    "Trotsky's well-known hypothesis set forth in The Revolution Betrayed (1937)",
  ),
  f(B5, "when", "1924", "came about only with the rise of Stalin in 1924"),
  f(B5, "who", "Yuli Martov", "left-wing coalition government favored by the Menshevik Yuli Martov"),
  f(B5, "who", "Carl Schmitt", "anticipated the Nazi jurist Carl Schmitt's distinction"),
  f(B5, "who", "Karl Kautsky", "such was the conclusion reached by Karl Kautsky"),
  f(B5, "who", "Georgii Plekhanov", "Georgii Plekhanov especially made this connection"),
  f(B5, "when", "December 1917", "which Lenin established in December 1917"),
  f(B5, "what", "Paris Commune", "appealing to the liberatory memory of the 1871 Paris Commune"),
  // B6 Bolshevik Party
  f(
    B6,
    "what",
    "Russian Social Democratic Party",
    'the supposed "majority" faction of the Russian Social Democratic Party',
  ),
  f(B6, "when", "November 1917", "Even in November 1917, the editors of Golos Truda had anticipated"),
  f(B6, "what", "Treaty of Brest-Litovsk", "signing of the Treaty of Brest-Litovsk with Germany"),
  f(B6, "when", "March 1918", "with its ratification coming in March 1918"),
  f(B6, "who", "Gavril Miasnikov", "the proletarian Communist Party member Gavril Miasnikov"),
  f(B6, "when", "1922", "who was expelled from the Party in 1922"),
  // B7 Red Terror
  f(B7, "when", "April 1918", "launched by Lenin and the Bolsheviks in April 1918"),
  f(B7, "who", "Dora Kaplan", "ex-anarchist Dora Kaplan's attempt on Lenin's life in August 1918"),
  f(B7, "when", "August 1918", "Dora Kaplan's attempt on Lenin's life in August 1918"),
  f(B7, "how_many", "245", "at least 245 peasant uprisings in 1918"),
  f(B7, "how_many", "5 million", "took the lives of over 5 million people"),
  f(B7, "how_many", "25,000", "the Chekist terror took the lives of 25,000"),
  f(B7, "who", "Felix Dzherzhinsky", "CheKa head Felix Dzherzhinsky ordered the mass-execution"),
  f(B7, "how_many", "200,000", "Maximov estimates that 200,000 lives were taken directly by the Red Terror"),
  // B8 Civil War
  f(B8, "when", "1918", "launched by the top-heavy White Army against the Revolution in 1918"),
  f(B8, "who", "Kolchak", "as well as Admiral Kolchak were defeated"),
  f(B8, "when", "1920", "the Red Army by 1920"),
  f(B8, "who", "Alexander Antonov", "the Left-SR Alexander Antonov led a major Green uprising"),
  f(B8, "where", "Tambov", "led a major Green uprising in the Tambov region"),
  f(
    B8,
    "when",
    "July 1918",
    "assassinated the German ambassador and a high-ranking German officer in July 1918",
  ),
  f(B8, "where", "Moscow", "short-lived uprising against the Bolsheviks in Moscow"),
  // B9 Imperialists
  f(
    B9,
    "who",
    "Czech Legion",
    "The infamous Czech Legion, for example, seized control of the Trans-Siberian Railroad",
  ),
  f(B9, "where", "Arkhangelsk", "captured the key port city of Arkhangelsk from the Reds in 1918"),
  f(B9, "when", "1918", "captured the key port city of Arkhangelsk from the Reds in 1918"),
  f(B9, "when", "July 1918", "In July 1918, the Bolsheviks would see the repercussions"),
  f(B9, "who", "Nicholas II", "(completed under Nicholas II)"),
  // B10 Ukraine
  f(B10, "what", "Nabat", 'worked with the syndicalist Nabat ("Alarm") confederation'),
  f(B10, "when", "1919", "In 1919, the Insurrectionary Army led by Makhno hailed the Third Revolution"),
  f(
    B10,
    "who",
    "Denikin",
    "holding the line against the White General Denikin's forces invading from the south",
  ),
  f(B10, "who", "Trotsky", "in June Trotsky declared illegal the Fourth Extraordinary Convention"),
  f(B10, "who", "Wrangel", "to rout the White General Wrangel's forces in Crimea"),
  f(B10, "where", "Crimea", "to rout the White General Wrangel's forces in Crimea"),
  f(B10, "where", "Kharkov", "planned 1920 pan-Russian anarchist congress in Kharkov"),
  // B11 Anti-Semitic
  f(B11, "who", "Grigoriev", "Voline cites the example of Grigoriev"),
  f(B11, "where", "Elizabethgrad", "the immense pogrom he organised at Elizabethgrad"),
  f(B11, "how_many", "three thousand", "which cost the lives of nearly three thousand persons"),
  f(B11, "when", "1919", "a reactionary peasant movement in Ukraine in 1919"),
  f(B11, "who", "Mikhail Bakunin", "greatly inspired politically by the example of Mikhail Bakunin"),
  // B12 Kronstadt
  f(B12, "when", "March 1921", "The Kronstadt Commune of March 1921 was preceded by strike movements"),
  f(B12, "when", "February 28, 1921", "the Petropavlovsk resolution of February 28, 1921"),
  f(B12, "how_many", "fifteen", "February 28, 1921, fifteen demands"),
  f(B12, "who", "Kozlovsky", "a former tsarist general known as Kozlovsky"),
  f(B12, "how_many", "280", "taking some 280 Reds hostage"),
  f(B12, "when", "March 17", "retook the island on March 17"),
  f(B12, "how_many", "18,000", "An estimated 18,000 insurgents were killed"),
  f(B12, "who", "Emma Goldman", "Emma Goldman and Alexander Berkman, who had attempted to intercede"),
  // B13 Lenin anti-imperialist
  f(
    B13,
    "when",
    "February 1921",
    "In February 1921, the Red Army invaded and occupied its southern neighbor Georgia",
  ),
  f(B13, "where", "Georgia", "invaded and occupied its southern neighbor Georgia from Armenia"),
  f(B13, "when", "1916", "caused them to revolt in 1916"),
  f(B13, "where", "Kokand", "an indigenous Muslim government based in Kokand"),
  f(B13, "who", "Enver Pasha", "with the defection of Enver Pasha"),
  f(B13, "how_many", "twenty thousand", "increasing its numbers to twenty thousand members"),
  f(B13, "who", "Stalin", "in 1918, Stalin ordered Turkestan autonomous"),
  f(B13, "what", "Tashkent Soviet", "The Tashkent Soviet's efforts at confiscating waqf"),
  // B14 Stalin's rule
  f(B14, "what", "GPU", "the CheKa plus its successor, the GPU"),
  f(B14, "when", "1922", "By 1922, the rate of State repression against socialists and anarchists lessened"),
  f(B14, "who", "N. K. Krupskaya", "N. K. Krupskaya, circulated a list of forbidden literature"),
  f(B14, "when", "1923", "Schopenhauer, Kropotkin, Tolstoy, and Bakunin in 1923"),
  f(B14, "who", "Paul Mattick", "As Paul Mattick argues, there is very little in Stalinism"),
  f(B14, "when", "April 1918", "after the April 1918 raids against the anarchists"),
  // B15 Lessons (Black Rose)
  f(B15, "when", "February 1917", "libertarian mass-mobilizations of February 1917 opened the horizon"),
  f(B15, "who", "Nicholas II", "as long as Nicholas II ruled"),
  f(B15, "who", "Voline", 'what Voline terms the "political principle"'),
  f(B15, "when", "1917-1921", "that characterized the years 1917-1921"),
  // M0 Introduction
  f(M0, "when", "7 November 1917", "It was 7 November 1917"),
  f(
    M0,
    "what",
    "Revolutionary Military Committee",
    "under the command of the Revolutionary Military Committee of the Petrograd Soviet",
  ),
  f(M0, "who", "Alexander Kerensky", "dismissed the Provisional Government of Alexander Kerensky"),
  f(
    M0,
    "what",
    "Second All-Russia Congress of Soviets",
    "the Second All-Russia Congress of Soviets met and proclaimed its power",
  ),
  f(M0, "where", "Petrograd", "took control of all important public buildings in Petrograd"),
  // M1 Road to October
  f(
    M1,
    "what",
    "Petrograd Soviet of Workers' and Soldiers' Deputies",
    "the Petrograd Soviet of Workers' and Soldiers' Deputies was also formed",
  ),
  f(
    M1,
    "who",
    "Mensheviks",
    "The main parties in the Soviets were the Mensheviks, the Social Revolutionaries and the Bolsheviks.",
  ),
  f(M1, "how_many", "700", "killing 700"),
  f(M1, "where", "Finland", "Lenin fled temporarily to Finland."),
  f(M1, "who", "Kornilov", "invited General Kornilov to bring an army to Petrograd"),
  f(M1, "what", "All Power to the Soviets", 'supporting the slogan "All Power to the Soviets"'),
  f(M1, "what", "Factory Committees", "spawned the growth of the Factory Committees"),
  f(M1, "who", "Lenin", "Lenin had to fight several internal battles in the Bolshevik Party"),
  // M2 October
  f(M2, "who", "Leon Trotsky", "under the leadership of Leon Trotsky"),
  f(M2, "when", "25 October", "On 25 October (Old Style), which was 7 November (New Style)"),
  f(M2, "how_many", "one", "with only one shot fired"),
  f(M2, "where", "Winter Palace", "in the storming of the Winter Palace"),
  f(M2, "what", "Bolshevik Central Committee", "Lenin at last persuaded the Bolshevik Central Committee"),
  f(
    M2,
    "what",
    "Revolutionary Military Committee",
    "The Revolutionary Military Committee announced that the Provisional Government was overthrown",
  ),
  // M3 Aftermath
  f(M3, "how_many", "eight", "killed eight people before retreating"),
  f(M3, "where", "Moscow", "Events in Moscow were more bloody."),
  f(M3, "when", "January 1918", "dispersal of the Constituent Assembly in January 1918"),
  f(M3, "when", "April 1918", "Repression of the Anarchists started in April 1918"),
  f(M3, "where", "Georgia", "a Menshevik republic in Georgia"),
  f(M3, "what", "Council of People's Commissars", "the Congress elected a Council of People's Commissars"),
  f(M3, "who", "Stalin", "Stalin would rise to power"),
  f(M3, "what", "Kronstadt Rebellion", "Party crushed the Kronstadt Rebellion"),
  // M4 Lessons
  f(M4, "what", "International Women's Day", "because of an International Women's Day demonstration"),
  f(M4, "where", "Finland Station", "Lenin's famous speech at the Finland Station"),
  f(M4, "when", "April", "when he returned from exile in April"),
  f(M4, "who", "Kamenev", "Right Bolsheviks like Kamenev and Zinoviev"),
  f(M4, "when", "1903", "the way that Lenin had fought for since 1903"),
  f(M4, "what", "consistent federalism", "workers' power must operate on the basis of consistent federalism"),
  // M5 Conclusion
  f(
    M5,
    "what",
    "Melbourne Anarchist Communist Group",
    "the Melbourne Anarchist Communist Group celebrates its centenary",
  ),
  f(M5, "who", "Stalin", "its total perversion by Stalin"),
  f(M5, "what", "Factory Committees", "The Soviets and the Factory Committees were great achievements"),
  f(M5, "who", "Lenin", "the betrayal of the Revolution by Lenin"),
];

const norm = (s: string): string => normaliseAnswer(s);
const has = (hay: string, needle: string) => ` ${norm(hay)} `.includes(` ${norm(needle)} `);

/** Does this question ask about the fact? (See key-facts.test.ts for the rules.) */
export function coversKeyFact(q: Question, fact: KeyFact): boolean {
  const lines = q.evidence.split("\n");
  const line = lines.find((l) => l.includes(fact.sentence));
  if (line === undefined) return false;
  switch (q.type) {
    case "multiple_choice":
      return norm(q.answer) === norm(fact.answer);
    case "fill_blank":
      return [q.answer, ...q.accepted].some((a) => norm(a) === norm(fact.answer));
    case "true_false": {
      const shown = has(q.prompt, fact.answer);
      return q.answer === "True" ? shown : !shown;
    }
    case "ordering":
      return q.answer.some((e) => has(e, fact.answer));
    case "matching":
      return q.answer.some(([l, r]) => has(l, fact.answer) || has(r, fact.answer));
  }
}
