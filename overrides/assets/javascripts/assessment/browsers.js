// @ts-check
// What the browser the page runs in can and cannot do, read from what it says it is
// where no feature test can tell (no DOM: node tests it, tests/js/browsers.test.mjs).
//
// - An app's built-in web view (WeChat above all, where most shared links are opened
//   in China): the page runs, but print() and file downloads usually do nothing, and
//   on iOS service workers do not exist there (no offline copy, no snapshot). No
//   feature test shows this: print() and a download link exist and return normally.
// - Safari's storage rule: what a site's scripts saved is deleted after seven days of
//   use without a visit (WebKit's tracking prevention), except for a site added to the
//   home screen. Every browser on iOS is WebKit, so every one may.

/** The apps whose web views say who they are, each by a mark in the user agent. WeCom before WeChat: it carries both. */
const APPS = /** @type {const} */ ([
  ["wecom", /\bwxwork\//i],
  ["wechat", /\bMicroMessenger\//i],
  ["qq", /\bQQ\/\d/],
  ["weibo", /\bWeibo\b/i],
  ["dingtalk", /\bDingTalk\b/i],
  ["alipay", /\bAlipayClient\b/i],
  ["douyin", /\b(aweme|BytedanceWebview|musical_ly)\b/i],
  ["facebook", /\bFB(AN|AV|_IAB)\b/],
  ["instagram", /\bInstagram\b/],
  ["line", /\bLine\/\d/],
]);

/** @param {string} userAgent @returns {string | null} the app whose built-in browser this is, or null */
export function inAppView(userAgent) {
  const found = APPS.find(([, mark]) => mark.test(userAgent));
  return found ? found[0] : null;
}

/**
 * Whether the browser may delete what the page saved after a week without a visit.
 * @param {{userAgent: string, touchPoints?: number, homeScreen?: boolean}} browser homeScreen: opened from the home screen
 */
export function mayEvictStorage({ userAgent, touchPoints = 0, homeScreen = false }) {
  if (homeScreen) return false;
  const ios = /\b(iPhone|iPad|iPod)\b/.test(userAgent) || (/\bMacintosh\b/.test(userAgent) && touchPoints > 1); // an iPad says it is a Mac
  const safari = /\bVersion\/[\d.]+.*\bSafari\//.test(userAgent) && !/\b(Chrome|Chromium|Edg|Firefox|OPR)\//.test(userAgent);
  return ios || safari;
}
