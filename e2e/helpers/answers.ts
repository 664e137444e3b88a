import { expect, type Locator, type Page } from "@playwright/test";

/** A question's prompt as shown (whitespace collapsed) and its right answer from a result page. */
export type Key = { prompt: string; expected: string | string[] };

export const norm = (text: string) => text.replace(/\s+/g, " ").trim();

/** Start the lesson's quiz and submit it blank; returns every question's key from the result. */
export async function takeBlankQuiz(page: Page, slug: string): Promise<Key[]> {
  await page.goto(`/lessons/${slug}/quiz`);
  await page.getByTestId("start-quiz").click();
  await expect(page.getByTestId("quiz-progress")).toBeVisible();
  const submitNow = page.getByRole("button", { name: /Submit now/ });
  if (await submitNow.count()) await submitNow.click();
  else await page.getByTestId("submit-quiz").click();
  await page.getByTestId("confirm-submit-anyway").click();
  await expect(page.getByTestId("quiz-score")).toContainText("You scored 0 out of");
  return readKeys(page);
}

/** Every question's prompt and right answer from the result on screen. */
export async function readKeys(page: Page): Promise<Key[]> {
  const items = page.getByTestId("feedback-item");
  const keys: Key[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const prompt = norm(await item.locator("p").first().innerText());
    const expectedEl = item.getByTestId("feedback-expected");
    const listItems = expectedEl.locator("li");
    const expected =
      (await listItems.count()) > 0
        ? (await listItems.allInnerTexts()).map((t) => t.trim())
        : (await expectedEl.innerText()).trim();
    keys.push({ prompt, expected });
  }
  return keys;
}

/** Answer the review card on screen rightly or wrongly, from its key. */
export async function answerCard(card: Locator, key: Key, right: boolean) {
  const page = card.page();
  const radios = card.getByRole("radio");
  if (await radios.count()) {
    const labels = (await card.locator("label").allInnerTexts()).map((t) => t.trim());
    const target = right ? String(key.expected) : (labels.find((l) => l !== key.expected) ?? labels[0]!);
    await card.getByRole("radio", { name: target, exact: true }).check();
    return;
  }
  const blank = card.getByTestId("blank-input");
  if (await blank.count()) {
    await blank.fill(right ? String(key.expected) : "zzzz qqqq");
    return;
  }
  const ordering = card.getByTestId("ordering-list");
  if (await ordering.count()) {
    const wanted = key.expected as string[];
    const order = right ? wanted : [...wanted].reverse();
    for (let target = 0; target < order.length; target++) {
      for (let guard = 0; guard < 10; guard++) {
        const current = (await ordering.locator("li > span.flex-1").allInnerTexts()).map((t) => t.trim());
        if (current.indexOf(order[target]!) <= target) break;
        await ordering.getByRole("button", { name: `Move “${order[target]}” up` }).click();
      }
    }
    // An order already as wanted is accepted as shown.
    const keep = card.getByTestId("ordering-keep");
    if (await keep.count()) await keep.click();
    return;
  }
  const selects = card.getByTestId("matching-select");
  const pairs = (key.expected as string[]).map((t) => t.split(/\s*→\s*/) as [string, string]);
  for (let i = 0; i < (await selects.count()); i++) {
    const select = selects.nth(i);
    const id = await select.getAttribute("id");
    const left = (await page.locator(`label[for="${id}"]`).innerText()).trim();
    const pair = pairs.find(([l]) => l === left);
    const rights = pairs.map(([, r]) => r);
    await select.selectOption(right ? pair![1] : rights.find((r) => r !== pair?.[1])!);
  }
}
