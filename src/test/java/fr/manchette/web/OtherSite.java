package fr.manchette.web;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A news site that shows the ticker in its own pages, served by WireMock: another origin than the service's (another
 * port, or another host name for the same loopback address), as a real site would be.
 */
final class OtherSite {

	private OtherSite() {
	}

	/** The address of a page of {@code host} (localhost or 127.0.0.1) on {@code site} that frames {@code ticker}. */
	static String framing(WireMockExtension site, String host, String ticker) {
		return page(site, host, "/site/framing.html", "<p>Le fil du site :</p>\n<iframe id=\"fil\" src=\"" + ticker
				+ "\" title=\"Fil info\" width=\"300\" height=\"500\" style=\"border: 1px solid\"></iframe>\n");
	}

	/**
	 * The address of a page on {@code site} whose script reads {@code /api/headlines} of the service at
	 * {@code service} and shows the first title in {@code #titre}; then asks again with the ETag it read and shows the
	 * status in {@code #revalide} (a 304 it can read: the preflight let the validator through); and what came of
	 * reading {@code /api/webhooks}, which is not opened to other sites, in {@code #webhooks}.
	 */
	static String fetching(WireMockExtension site, String service) {
		String api = service + "/api/headlines?limit=1";
		return page(site, "localhost", "/site/fetching.html", """
				<p id="titre">…</p><p id="revalide">…</p><p id="webhooks">…</p>
				<script>
				  function show(id, text) { document.getElementById(id).textContent = text; }
				  fetch('%s')
				    .then(function (answer) {
				      var etag = answer.headers.get('ETag');
				      return answer.json().then(function (ticker) {
				        show('titre', ticker.headlines[0].title);
				        return fetch('%s', { headers: { 'If-None-Match': etag } });
				      });
				    })
				    .then(function (answer) { show('revalide', String(answer.status)); })
				    .catch(function (error) { show('titre', 'refusé : ' + error); });
				  fetch('%s/api/webhooks')
				    .then(function (answer) { show('webhooks', 'lu : ' + answer.status); })
				    .catch(function () { show('webhooks', 'refusé'); });
				</script>
				""".formatted(api, api, service));
	}

	private static String page(WireMockExtension site, String host, String path, String body) {
		site.stubFor(WireMock.get(path)
			.willReturn(aResponse().withHeader("Content-Type", "text/html;charset=utf-8")
				.withBody("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Un site</title></head>"
						+ "<body>\n" + body + "</body></html>\n")));
		return "http://" + host + ":" + site.getPort() + path;
	}

	/**
	 * Whether the frame of the page open in {@code browser} shows the ticker page; false when the browser refused to
	 * show it there (its error page in the frame). Leaves the browser in the frame.
	 */
	static boolean frameShowsTheTicker(ChromeDriver browser) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.ignoring(WebDriverException.class);
		browser.switchTo().defaultContent();
		browser.switchTo().frame(browser.findElement(By.id("fil")));
		// A string, not a Boolean: the wait would take false as "not yet".
		return "ticker".equals(wait.until((driver) -> browser.executeScript("""
				if (document.readyState !== 'complete') { return null; }
				if (location.protocol === 'chrome-error:') { return 'refused'; }
				return document.querySelectorAll('#fil > li').length > 0 ? 'ticker' : null;""")));
	}

}
