// Which browsers the page treats as an app's web view, and which may delete saved answers
// after a week (browsers.js), from the user agents those browsers send.
import assert from "node:assert/strict";
import { test } from "node:test";

import { inAppView, mayEvictStorage } from "../../overrides/assets/javascripts/assessment/browsers.js";

const UA = {
  wechatIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
  wechatAndroid:
    "Mozilla/5.0 (Linux; Android 13; V2055A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/5G Language/zh_CN",
  wecom:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.16 MicroMessenger/7.0.1 Language/zh",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  chromeIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/122.0.6261.89 Mobile/15E148 Safari/604.1",
  ipadAsMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36",
  chromeMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
  firefox: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
};

test("WeChat's web view is recognised on iOS and Android, WeCom's as WeCom, and no browser as an app", () => {
  assert.equal(inAppView(UA.wechatIos), "wechat");
  assert.equal(inAppView(UA.wechatAndroid), "wechat");
  assert.equal(inAppView(UA.wecom), "wecom");
  for (const browser of ["safariIphone", "chromeIphone", "chromeAndroid", "chromeMac", "firefox"]) assert.equal(inAppView(UA[browser]), null, browser);
});

test("every browser on an iPhone, and Safari on a Mac, may delete saved answers; others and home-screen apps do not", () => {
  for (const browser of ["safariIphone", "chromeIphone", "wechatIos"]) assert.equal(mayEvictStorage({ userAgent: UA[browser] }), true, browser);
  assert.equal(mayEvictStorage({ userAgent: UA.ipadAsMac }), true); // desktop Safari
  assert.equal(mayEvictStorage({ userAgent: UA.ipadAsMac, touchPoints: 5 }), true); // an iPad
  for (const browser of ["chromeAndroid", "chromeMac", "firefox", "wechatAndroid"]) assert.equal(mayEvictStorage({ userAgent: UA[browser] }), false, browser);
  assert.equal(mayEvictStorage({ userAgent: UA.safariIphone, homeScreen: true }), false);
});
