package fr.manchette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests, from the system's packages (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): Selenium is given both paths, so it never looks for or
 * downloads a browser of its own. Without them the browser tests are skipped ({@link Required}), except on CI where
 * they fail.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of(env("MANCHETTE_CHROMIUM", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(env("MANCHETTE_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	/** A new browser with an empty profile in {@code profile}, its window {@code width} × {@code height}. */
	public static ChromeDriver start(Path profile, int width, int height) {
		if (missing() != null) {
			throw new IllegalStateException(missing() + "; use @ExtendWith(Chromium.Required.class)");
		}
		try {
			Files.createDirectories(profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		// The machine has no network but loopback: everything that would call home is switched off.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--disable-extensions", "--disable-quic", "--mute-audio", "--lang=fr-FR",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** Saves what {@code browser} shows as {@code target/screenshots/NAME}, for a person to look at. */
	public static void screenshot(ChromeDriver browser, String name) {
		try {
			Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(screenshots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where the first element {@code selector} finds starts in the page open in {@code browser} (or in the frame it
	 * is in), in CSS pixels from the top of the viewport, rounded up.
	 */
	public static int top(ChromeDriver browser, String selector) {
		Object top = browser.executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().top;",
				selector);
		return (int) Math.ceil(((Number) top).doubleValue());
	}

	private static @Nullable String missing() {
		if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
			return null;
		}
		return "Chromium not found at " + BROWSER + " and " + DRIVER
				+ " (apt-get install chromium chromium-driver, or set MANCHETTE_CHROMIUM and MANCHETTE_CHROMEDRIVER)";
	}

	/**
	 * Skips the test class when Chromium is missing, or fails it on CI ({@code CI} set), where nothing may be
	 * skipped. A class's condition is evaluated before its Spring context loads (a method's only after its test
	 * instance, and so the context, exists): the tests are reported as skipped, with the reason, and not as a context
	 * that failed to load.
	 */
	public static final class Required implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String missing = missing();
			if (missing == null) {
				return ConditionEvaluationResult.enabled("Chromium is installed");
			}
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(missing + "; on CI the browser tests must run");
			}
			return ConditionEvaluationResult.disabled(missing);
		}

	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : otherwise;
	}

}
