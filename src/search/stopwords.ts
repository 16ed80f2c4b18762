/**
 * Words that carry no meaning for finding an entry: Chinese function words and the filler of
 * help requests (咋办, 求助, 在线等), English function words, and the log levels and `ok` that
 * a pasted log prints on every line whatever went wrong (counted as asked, they halved how much of
 * a noisy log an entry was seen to answer). Bigrams made only of these characters are dropped too.
 */
const CHINESE = `的 了 是 吗 呢 啊 吧 呀 哦 嘛 么 着 过 和 与 或 及 在 把 被 让 给 对 从 向 到 就 都 也 还 又 很 太 最 更
  这 那 这个 那个 这里 那里 这样 那样 一个 一下 一直 已经 但是 可是 不过 然后 所以 因为 如果 怎么 怎么办 咋办 咋 怎样 如何
  为什么 为啥 什么 啥 哪 哪里 哪个 哪些 有没有 是不是 能不能 可以 能否 可不可以 请问 求助 求教 求解 大佬 大神 各位 在线等 急 谢谢
  你好 您好 我 我们 你 你们 他 她 它 他们 自己 之前 之后 现在 刚刚 刚 还是 要 想 需要 应该 知道 一些 有点 好像 似乎 到底 直接
  的话 时候 里面 上面 下面 这么 那么 没 啦 呗 嗯 哈 吧
  今天 昨天 明天 最近 刚才 突然 每次 总是 经常 有时 有时候 一会 半天 一天 天气 东西`;

const ENGLISH = `a an the and or but if then else of to in on at by for with from as is are was were be been being it its this
  that these those there here i me my we our you your he she they them do does did done not no yes can could should would
  will shall may might must have has had how what why when where which who whom please help thanks hi hello got get
  info debug trace ok`;

export const STOPWORDS: ReadonlySet<string> = new Set([...CHINESE.split(/\s+/), ...ENGLISH.split(/\s+/)].filter(Boolean));
