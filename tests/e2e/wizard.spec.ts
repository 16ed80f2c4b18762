import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sameQuestion } from "../../src/content/question-similarity";

/** The real scenarios of issue 12, walked by clicks only from /wizard. */

const question = (page: Page) => page.getByRole("heading", { level: 1 });
/**
 * Clicks an answer and waits until the step it leads to is on the page (the wizard marks each step
 * with its state), so that the next click cannot land on the old page during client navigation.
 * An answer that ends the walk is a form button that records the ending and then shows the same
 * step (src/components/feedback/WizardAnswer.tsx); every other answer is a link.
 */
async function choose(page: Page, name: string | RegExp) {
  const exact = typeof name === "string";
  const ending = page.locator("form.answer-form").filter({ has: page.getByRole("button", { name, exact }) });
  const isEnding = (await ending.count()) > 0;
  const answer = isEnding ? ending.getByRole("button", { name, exact }) : page.getByRole("link", { name, exact });
  const target = isEnding ? await ending.locator('input[name="path"]').getAttribute("value") : await answer.getAttribute("href");
  const href = new URL(target ?? "", "http://x");
  href.searchParams.delete("was");
  await answer.click();
  await expect(page.locator(`.wizard[data-step="${href.pathname}${href.search}"]`)).toBeVisible();
}
const byArea = (page: Page) => page.getByRole("list", { name: "按出问题的地方" });

test("lost authenticator: from /wizard to the answer in two clicks, focus and announcement on each step", async ({ page }) => {
  await page.goto("/wizard");
  await expect(question(page)).toHaveText("你遇到了什么问题？");
  await byArea(page).getByRole("link", { name: "CODO" }).click();
  await expect(page).toHaveURL(/\/wizard\/triage\/codo$/);
  await expect(page.locator("#step-question")).toBeFocused();
  await expect(page.getByTestId("step-announcer")).toHaveText("第 2 步：CODO：具体是哪种情况？");
  await choose(page, "装谷歌验证器的手机丢了，CODO 登录不了怎么办？");
  await expect(question(page)).toHaveText("装谷歌验证器的手机丢了，CODO 登录不了怎么办？");
  await expect(page.getByRole("heading", { name: "回答", exact: true })).toBeVisible();
  await expect(page.getByText("google_key").first()).toBeVisible();
  await expect(page.locator("#step-question")).toBeFocused();
  await expect(page.getByTestId("step-announcer")).toContainText("第 3 步");
});

test("都不是 offers the area's other entries and search before the summary for support", async ({ page }) => {
  await page.goto("/wizard/triage/codo");
  await choose(page, "都不是");
  await expect(question(page)).toHaveText("没有符合的情况？换个方式找找");
  await expect(page.getByLabel(/用自己的话描述/)).toHaveValue("CODO");
  // Asking for support ends the walk: a form button that records it (src/components/feedback/WizardAnswer.tsx).
  await expect(page.getByRole("button", { name: "还是没找到，整理信息交给技术支持" })).toBeVisible();
});

test("compose case: after the compose fix fails, the wizard asks about 127.0.0.1 instead of 'all ruled out'", async ({ page }) => {
  await page.goto("/wizard");
  await byArea(page).getByRole("link", { name: "Docker 部署" }).click();
  await choose(page, "gptlink 的 Docker 部署打不开或报错，不知道从哪查起");
  await expect(question(page)).toHaveText("gptlink 容器在运行吗？");
  await choose(page, "在运行");
  await choose(page, "有，连不上 MySQL 或 Redis");
  await choose(page, "是，docker-compose 首次启动");
  await expect(question(page)).toHaveText(/^解决办法：compose 第一次启动/);
  await choose(page, "没有解决，继续排查其他原因");
  await expect(question(page)).toContainText("127.0.0.1");
  await expect(page.getByText("第 7 步 · 这个问题还剩 2 个可能原因", { exact: true })).toBeVisible();
  await expect(page.getByText("都排除了")).toHaveCount(0);
  // The flow's answers are not asked again: the route shows which cause is where.
  const route = page.getByRole("figure", { name: /排查路线/ });
  await expect(route.getByRole("listitem").filter({ hasText: "compose 第一次启动" })).toContainText("处理过，没解决");
  await expect(route.getByRole("listitem").filter({ hasText: "127.0.0.1" })).toContainText("正在检查");
});

test("不确定 shows how to find out and asks again; 上一步 goes back with the earlier answer marked", async ({ page }) => {
  await page.goto("/wizard");
  await byArea(page).getByRole("link", { name: "Docker 部署" }).click();
  await choose(page, "gptlink 用 Docker 部署后，页面提示「服务器错误」");
  await expect(question(page)).toContainText("127.0.0.1");
  const check = await question(page).textContent();
  await expect(page.getByText("第 3 步 · 这个问题还剩 3 个可能原因", { exact: true })).toBeVisible();
  await choose(page, "不确定");
  await expect(question(page)).toHaveText(check!);
  await expect(page.getByRole("note")).toContainText("先按下面的方法确认，再回答一次");
  await expect(page.getByRole("link", { name: "还是确定不了，先看其他原因" })).toBeVisible();
  await expect(page.locator("#step-question")).toBeFocused();

  await choose(page, "← 上一步");
  await expect(question(page)).toHaveText(check!);
  await expect(page.getByRole("note")).toHaveCount(0);
  const earlier = page.locator('.answer[aria-current="true"]');
  await expect(earlier).toHaveCount(1);
  await expect(earlier).toContainText("不确定");
  await expect(earlier).toContainText("上次选的");

  // Still unsure the second time: the wizard moves on, and the summary lists the cause as 未确认.
  await choose(page, /不确定/);
  await expect(page.getByRole("note")).toBeVisible();
  await choose(page, "还是确定不了，先看其他原因");
  await expect(question(page)).toContainText("MySQL");
});

test("a pasted log answers the check it settles, quoting the line, and opens on that cause's fix", async ({ page }) => {
  await page.goto("/wizard");
  const log = [
    "$ docker logs gptlink",
    "[2026-11-20 10:00:01] production.INFO: booting",
    "[2026-11-20 10:00:02] production.ERROR: SQLSTATE[42S02]: Base table or view not found: 1146 Table 'gptlink.users' doesn't exist",
  ].join("\n");
  await page.getByLabel(/直接粘贴报错或整段日志/).fill(log);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/\/wizard\/gptlink-tables-not-created/);
  const evidence = page.locator(".wizard-evidence");
  await expect(evidence).toContainText("日志第 3 行：");
  await expect(evidence).toContainText("SQLSTATE[42S02]: Base table or view not found: 1146");
  await expect(question(page)).toHaveText("解决办法：迁移没有执行或中途中断");
  await page.getByText(/已回答的 1 个问题/).click();
  await expect(page.locator(".wizard-trail")).toContainText("日志第 3 行");
  // The fix did not help: the remaining cause is asked, the log line still on record.
  await choose(page, "没有解决，继续排查其他原因");
  await expect(question(page)).toContainText("启动阶段");
});

test("pasting a question in the user's words opens its answer inside the wizard", async ({ page }) => {
  await page.goto("/wizard");
  await page.getByLabel(/直接粘贴报错或整段日志/).fill("手机丢了 谷歌验证码");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/\/wizard\/codo-mfa-phone-lost$/);
  await expect(question(page)).toHaveText("装谷歌验证器的手机丢了，CODO 登录不了怎么办？");
});

test("the summary is copied with absolute links, the user's notes masked, and a place to send it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/wizard");
  await byArea(page).getByRole("link", { name: "Docker 部署" }).click();
  await choose(page, "gptlink 用 Docker 部署后，页面提示「服务器错误」");
  await choose(page, "不确定");
  await choose(page, "还是确定不了，先看其他原因");
  await choose(page, "否");
  await choose(page, "否");
  await expect(question(page)).toHaveText("这个问题的原因都看过了");
  await expect(page.getByText("还有 1 个原因没能确认")).toBeVisible();
  await choose(page, "整理信息交给技术支持");
  await expect(question(page)).toHaveText("整理给技术支持的信息");

  await page.getByLabel(/补充说明/).fill("昨天升级之后开始的");
  await page.getByLabel(/命令输出/).fill("SMTP_PASS=hunter2secret\nERROR connect ECONNREFUSED 10.0.0.5:3306");
  await expect(page.getByText("已经替换了你填写内容里的敏感信息")).toBeVisible();
  await page.getByRole("button", { name: "复制 Markdown 记录" }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain("## 排障记录");
  expect(markdown).toContain("<https://kb.example.test/wizard/triage/docker/gptlink-docker-server-error/u/u/n/n/s>");
  expect(markdown).toContain("[gptlink 用 Docker 部署后，页面提示「服务器错误」](https://kb.example.test/entry/gptlink-docker-server-error)");
  expect(markdown).toContain("- **未确认**：[数据库或 Redis 地址填成了 127.0.0.1 / localhost](https://kb.example.test/entry/gptlink-docker-server-error#cause-db-address-localhost)");
  expect(markdown).toContain("昨天升级之后开始的");
  expect(markdown).toContain("SMTP_PASS=***");
  expect(markdown).not.toContain("hunter2secret");
  expect(markdown).not.toMatch(/\]\(\//);
  await page.getByRole("button", { name: "复制纯文本记录" }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain("【排障记录】");
  expect(text).toContain("[未确认] 数据库或 Redis 地址填成了 127.0.0.1 / localhost：https://kb.example.test/entry/gptlink-docker-server-error#cause-db-address-localhost");

  await expect(page.getByRole("link", { name: "打开工单页面" })).toHaveAttribute("href", "https://support.example.test/new");
  const mail = page.getByRole("link", { name: "发邮件给 support@example.test" });
  await expect(mail).toHaveAttribute("href", /^mailto:support@example\.test\?subject=/);
  expect(decodeURIComponent((await mail.getAttribute("href")) ?? "")).toContain("昨天升级之后开始的");
});

test("a shared step URL opens on that step in a fresh page", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/wizard/gptlink-docker-server-error/n/y");
  await expect(question(page)).toHaveText("解决办法：MySQL 版本低于 5.7");
  await expect(page.locator("#step-question")).not.toBeFocused();
  await context.close();
});

test("an authored flow shows its chart with whole labels and the path taken", async ({ page }) => {
  await page.goto("/wizard/docker-server-error/log-db-error");
  const chart = page.locator(".wizard-diagram svg");
  await expect(chart).toBeVisible();
  await expect(chart.locator(".diagram-node.visited")).toHaveCount(2);
  await expect(chart.locator(".diagram-edge.taken")).toHaveCount(1);
  // Whole labels, wrapped: the longest question is there in full.
  const texts = (await chart.locator("text").allTextContents()).map((t) => t.replace(/\s/g, ""));
  expect(texts).toContain("容器日志里有连接数据库或Redis失败的报错吗？");
  expect(texts).toContain("排查：gptlink用Docker部署后，页面提示「服务器错误」");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the whole wizard can be walked with plain links, paste box included", async ({ page }) => {
    await page.goto("/wizard");
    await byArea(page).getByRole("link", { name: "CODO" }).click();
    await choose(page, /创建不了用户/);
    await expect(page.getByText(/^第 3 步/)).toBeVisible();
    await choose(page, "是");
    await choose(page, "解决了");
    await expect(page.getByText("太好了")).toBeVisible();
    await page.goto("/wizard");
    await page.getByLabel(/直接粘贴报错或整段日志/).fill("Could not install packages due to an EnvironmentError: [Errno 2] No such file or directory");
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page).toHaveURL(/\/wizard\/codo-docker-build-pip-error/);
  });
});

test("a tampered URL shows a friendly page with a restart link", async ({ page }) => {
  for (const url of ["/wizard/gptlink-docker-server-error/n/zzz", "/wizard/no-such-wizard", "/wizard/gptlink-docker-server-error/y/y/y/y"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "这一步已经不存在了" })).toBeVisible();
    await expect(page.getByRole("link", { name: "重新开始引导式排查" })).toHaveAttribute("href", "/wizard");
  }
  const malformed = await page.goto("/wizard/%E0%A4%A");
  expect(malformed?.status()).toBe(400);
  // Evidence that does not carry the cause's signature is ignored, not quoted.
  await page.goto("/wizard/gptlink-tables-not-created?e=migrate-not-run.1.%E8%AF%B7%E8%81%94%E7%B3%BB%E5%AE%A2%E6%9C%8D");
  await expect(page.locator(".wizard-evidence")).toHaveCount(0);
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const [name, url] of [
    ["smtp-table", "/entry/smtp-settings-by-provider"],
    ["wizard-first-screen", "/wizard"],
    ["wizard-check-again", "/wizard/gptlink-docker-server-error/u"],
    ["wizard-flow-step", "/wizard/docker-server-error/log-db-error"],
    ["wizard-summary", "/wizard/gptlink-docker-server-error/n/n/n/s"],
  ] as const) {
    test(`${name}: no element is wider than the viewport`, async ({ page }, testInfo) => {
      await page.goto(url);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // Content inside a box that scrolls sideways (code, wide tables, charts) stays in its box.
        const scrollers = ".table-scroll, pre, .diagram-scroll";
        return [...document.querySelectorAll("body *")]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) return false;
            const scroller = el.closest(scrollers);
            if (scroller && scroller !== el) return false;
            return box.right > width + 0.5 || box.left < -0.5;
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}`);
      });
      expect(overflow).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${name}-360.png`), fullPage: true });
    });
  }

  test("the SMTP table reads as cards with every column, not one character per line", async ({ page }) => {
    await page.goto("/entry/smtp-settings-by-provider");
    const table = page.locator(".table-scroll").first();
    const box = (await table.boundingBox())!;
    expect(box.height).toBeLessThan(1200);
    for (const cell of await table.locator('td[data-label="密码"]').all()) {
      const cellBox = (await cell.boundingBox())!;
      expect(cellBox.x + cellBox.width).toBeLessThanOrEqual(360);
    }
    expect(await table.locator("td").first().evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"邮箱"');
  });

  test("the question comes before the answers are scrolled away", async ({ page }) => {
    await page.goto("/wizard/triage/docker/gptlink-docker-server-error/n");
    await expect(page.locator("#step-question")).toBeInViewport();
    await expect(page.locator(".answer").first()).toBeInViewport();
  });
});

test("crawl over plain links: every entry within 4 answers by area and by system, no question asked twice", async ({ request }) => {
  test.setTimeout(600_000);
  const entries = new Set<string>();
  const reached = { area: new Map<string, number>(), system: new Map<string, number>() };
  const repeats: string[] = [];
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  let queue: { url: string; asked: string[] }[] = [{ url: "/wizard", asked: [] }];
  let fetched = 0;
  for (let depth = 0; depth <= 4 && queue.length > 0; depth++) {
    const nextQueue: typeof queue = [];
    for (const { url, asked } of queue) {
      const html = await (await request.get(url)).text();
      fetched++;
      const section = /<section class="wizard-step[^"]*"[^>]*>/.exec(html)?.[0] ?? "";
      const entry = /data-entry="([^"]+)"/.exec(section)?.[1];
      const asks = /data-asks="([^"]+)"/.exec(section)?.[1];
      const branch = /^\/wizard\/triage\/sys\./.test(url) ? "system" : "area";
      if (entry) {
        entries.add(entry);
        if (!reached[branch].has(entry)) reached[branch].set(entry, depth);
      }
      const question = asks ? decode(asks) : null;
      if (question) {
        const earlier = asked.find((q) => sameQuestion(q, question));
        if (earlier) repeats.push(`${url}: 「${earlier}」 then 「${question}」`);
      }
      // A system's menu offers the same flows and problems as the areas do, and the paths below
      // them are the same: walked once, through the areas.
      if (depth === 4 || (branch === "system" && depth >= 2)) continue;
      for (const tag of html.match(/<a\b[^>]*>/g) ?? []) {
        const cls = /class="([^"]*)"/.exec(tag)?.[1] ?? "";
        const href = /href="([^"]*)"/.exec(tag)?.[1];
        if (!href || !/\banswer\b/.test(cls)) continue;
        nextQueue.push({ url: decode(href), asked: question ? [...asked, question] : asked });
      }
    }
    queue = nextQueue;
  }
  const total = ((await (await request.get("/api/health")).json()) as { entries: { total: number } }).entries.total;
  expect(fetched).toBeGreaterThan(400);
  expect(reached.area.size, `by area: ${fetched} pages`).toBe(total);
  expect(reached.system.size, "by system").toBe(total);
  expect(entries.size).toBe(total);
  expect(repeats.slice(0, 10)).toEqual([]);
});

for (const [name, url] of [
  ["first screen", "/wizard"],
  ["menu", "/wizard/triage/codo"],
  ["flow step", "/wizard/docker-server-error/log-db-error"],
  ["check", "/wizard/gptlink-docker-server-error"],
  ["check asked again", "/wizard/gptlink-docker-server-error/u"],
  ["fix", "/wizard/gptlink-docker-server-error/y"],
  ["article", "/wizard/codo-mfa-phone-lost"],
  ["nothing fits", "/wizard/triage/codo/x.none"],
  ["all ruled out", "/wizard/gptlink-docker-server-error/n/n/n"],
  ["summary", "/wizard/gptlink-docker-server-error/n/n/n/s"],
] as const) {
  test(`axe finds no serious or critical violations on the ${name} step`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
}
