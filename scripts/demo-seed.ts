/**
 * `npm run demo:seed` — a populated teacher's view for newcomers: a demo teacher, a class of 30
 * learners, the first module assigned (due in a week) and its first three lessons assigned as a
 * past-due "Week 1" (so late and overdue marks show), with realistic attempts. Seeded: the same
 * learners, answers and scores on every run (dates are relative to today). Replaces the previous
 * demo data (every account under @demo.example). Run `npm start` (or `npm run content:sync`)
 * first so the lessons and questions exist.
 */
import { mulberry32, shuffle } from "../app/lib/random";
import { hashPassword } from "../app/lib/auth/password";
import { localToUtc, utcToLocal } from "../app/lib/assignments/due";
import { DEMO_DOMAIN, demoModule, writeDemo, type DemoPlan } from "../app/lib/db/demo-seed";

const PASSWORD = "demo password 1917";
const TEACHER_TZ = "Europe/London";
const DAY = 86_400_000;

const FIRST = [
  "Ada",
  "Boris",
  "Chiara",
  "Dmitri",
  "Elif",
  "Farid",
  "Greta",
  "Hana",
  "Ivan",
  "Jonas",
  "Kofi",
  "Lena",
  "Mateo",
  "Nadia",
  "Olek",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tanya",
  "Umar",
  "Vera",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoë",
  "Aleksei",
  "Bea",
  "Cyril",
  "Dana",
];
const LAST = [
  "Novak",
  "Petrova",
  "Rossi",
  "Kaya",
  "Haddad",
  "Berg",
  "Sato",
  "Ivanov",
  "Mensah",
  "Weber",
  "García",
  "Okafor",
  "Lindqvist",
  "Kowalski",
  "Nair",
  "Moreau",
];

/** The teacher's wall-clock 23:59 `days` from today, as a UTC instant. */
function dueIn(days: number, now: Date): Date {
  const day = utcToLocal(new Date(now.getTime() + days * DAY), TEACHER_TZ).slice(0, 10);
  return localToUtc(`${day}T23:59`, TEACHER_TZ) ?? new Date(now.getTime() + days * DAY);
}

async function main() {
  const { createDbClient } = await import("../app/lib/db/client");
  const db = createDbClient();
  try {
    const mod = await demoModule(db);
    if (!mod || mod.lessons.every((l) => l.questions.length === 0)) {
      console.error("No lessons or questions yet: run `npm start` or `npm run content:sync` first.");
      process.exitCode = 1;
      return;
    }
    const now = new Date();
    const rand = mulberry32(1917);
    const hash = await hashPassword(PASSWORD);
    const learners = FIRST.map((first, i) => ({
      email: `learner${String(i + 1).padStart(2, "0")}@${DEMO_DOMAIN}`,
      name: `${first} ${LAST[i % LAST.length]}`,
      passwordHash: hash,
      timezone: ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata"][i % 4]!,
    }));
    const week1 = mod.lessons.slice(0, 3);
    const plan: DemoPlan = {
      teacher: {
        email: `teacher@${DEMO_DOMAIN}`,
        name: "Demo Teacher",
        passwordHash: hash,
        timezone: TEACHER_TZ,
      },
      learners,
      className: "Demo class — Red and Black October",
      joinCode: "DEMQ7K4X",
      assignments: [
        {
          title: `All of “${mod.title}”`,
          kind: "module",
          lessonSlugs: null,
          dueAt: dueIn(7, now),
          timezone: TEACHER_TZ,
          passMark: 70,
          questionsPerQuiz: 10,
          attemptsAllowed: null,
          counting: "best",
        },
        {
          title: "Week 1: the first three lessons",
          kind: "lessons",
          lessonSlugs: week1.map((l) => l.slug),
          dueAt: dueIn(-2, now),
          timezone: TEACHER_TZ,
          passMark: 60,
          questionsPerQuiz: 8,
          attemptsAllowed: 3,
          counting: "latest",
        },
      ],
      attempts: [],
    };

    // Each learner has an ability and a diligence; each question its generated difficulty.
    const people = learners.map(() => ({ ability: rand() * 2.4 - 0.8, diligence: 0.35 + rand() * 0.65 }));
    const take = (
      assignment: number,
      lessons: typeof mod.lessons,
      perQuiz: number,
      maxAttempts: number,
      dueAt: Date,
    ) => {
      for (const [li, person] of people.entries()) {
        for (const [index, lesson] of lessons.entries()) {
          if (lesson.questions.length === 0) continue;
          // Diligent learners get further through the module.
          if (rand() > person.diligence * (1 - index / (lessons.length + 6))) continue;
          const attempts = 1 + Math.floor(rand() * maxAttempts);
          for (let n = 0; n < attempts; n++) {
            const seed = Math.floor(rand() * 2 ** 31);
            const drawn = shuffle(lesson.questions, mulberry32(seed)).slice(0, perQuiz);
            const practice = 0.35 * n;
            const responses = drawn.map((q) => {
              const p = 1 / (1 + Math.exp(-(person.ability + practice - (q.difficulty - 0.5) * 3)));
              const correct = rand() < p;
              const choices = Array.isArray(q.choices)
                ? q.choices.filter((c): c is string => typeof c === "string")
                : [];
              const wrong = choices.filter((c) => c !== q.answer);
              const picked = wrong.length ? wrong[Math.floor(rand() * wrong.length)] : undefined;
              return { questionId: q.id, answer: correct ? q.answer : (picked ?? null), correct };
            });
            const late = rand() < 0.12;
            const submittedAt = new Date(
              Math.min(
                now.getTime() - 3_600_000,
                late
                  ? dueAt.getTime() + rand() * DAY
                  : dueAt.getTime() - (1 + rand() * 6) * DAY + n * 3_600_000,
              ),
            );
            plan.attempts.push({
              learner: li,
              assignment,
              lessonId: lesson.id,
              seed,
              startedAt: new Date(submittedAt.getTime() - (4 + rand() * 10) * 60_000),
              submittedAt,
              responses,
            });
          }
        }
      }
    };
    take(0, mod.lessons, 10, 3, plan.assignments[0]!.dueAt);
    take(1, week1, 8, 3, plan.assignments[1]!.dueAt);

    const { classId } = await writeDemo(db, mod.id, plan);
    console.log(
      [
        `Demo data: ${learners.length} learners, ${plan.assignments.length} assignments, ${plan.attempts.length} submitted quizzes.`,
        "",
        "Sign in as the teacher:",
        `  email     teacher@${DEMO_DOMAIN}`,
        `  password  ${PASSWORD}`,
        `  then open /teach/classes/${classId}`,
        "",
        `Learners sign in as learner01@${DEMO_DOMAIN} … learner${learners.length}@${DEMO_DOMAIN} with the same password.`,
      ].join("\n"),
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
