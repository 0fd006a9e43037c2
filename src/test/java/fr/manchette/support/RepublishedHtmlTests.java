package fr.manchette.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepublishedHtmlTests {

	@Test
	void findsWhatABrowserWouldRunLoadOrSubmit() {
		assertThat(RepublishedHtml.problems("<img src=\"https://a.example/i.jpg\" onerror=\"x()\">"))
			.containsExactly("event handler img[onerror]");
		assertThat(RepublishedHtml.problems("<a href=\" jav&#x09;ascript:x()\">a</a>"))
			.containsExactly("address a[href= jav\tascript:x()]");
		assertThat(RepublishedHtml.problems("<q cite=\"/citation.html\">q</q>"))
			.containsExactly("address q[cite=/citation.html] not absolute");
		assertThat(RepublishedHtml.problems("<p style=\"position:fixed\">p</p><svg></svg><!--[if IE]>x<![endif]-->"))
			.containsExactly("style p[style=position:fixed]", "element <svg>", "#comment <!--[if IE]>x<![endif]-->");
		assertThat(RepublishedHtml.problems("<img srcset=\"https://a.example/1.jpg 1x, data:image/png;base64,AA 2x\">"))
			.containsExactly("address img[srcset=data:image/png;base64,AA]");
	}

	@Test
	void findsNothingInASummaryOfLinksImagesAndTables() {
		assertThat(RepublishedHtml.problems("<p>Le <a href=\"https://a.example/\" rel=\"nofollow noopener\">vote</a>"
				+ " <img src=\"https://a.example/i.jpg\" alt=\"javascript: la suite\"></p><table><tbody><tr>"
				+ "<td colspan=\"2\">12</td></tr></tbody></table><a href=\"mailto:redaction@a.example\">écrire</a>"))
			.isEmpty();
	}

	@Test
	void findsMarkupInPlainTextButNotItsSigns() {
		assertThat(RepublishedHtml.markupIn("Prix < 5 dirhams & « guillemets »")).isEmpty();
		assertThat(RepublishedHtml.markupIn("Le <b>vote</b>")).containsExactly("<b>vote</b>");
	}

}
