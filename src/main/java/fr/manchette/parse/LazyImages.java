package fr.manchette.parse;

import java.util.List;

import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Images that a page loads by script: the address is in {@code data-src} (or a plugin's name for it) and
 * {@code src} holds a placeholder or nothing, or there is only a {@code srcset}. A feed reader runs no script, and
 * a summary's safelist keeps {@code src} alone: without this, the image is dropped or shows as a blank placeholder.
 * Read the same in a feed's summaries and in a {@code type: html} page's items.
 */
public final class LazyImages {

	/**
	 * The attributes lazy-loading scripts and WordPress plugins read the real address from, most common first; the
	 * {@code src} beside them is a placeholder. (Jetpack's {@code data-orig-file} is not one: it sits beside a real
	 * {@code src}.)
	 */
	private static final List<String> LAZY_SOURCES = List.of("data-src", "data-lazy-src", "data-original");

	private static final List<String> SOURCE_SETS = List.of("srcset", "data-srcset", "data-lazy-srcset");

	private LazyImages() {
	}

	/** Gives the image the address it would have shown, in {@code src}, when it is a lazy one. */
	public static void showSource(Element img) {
		if (img.attributesSize() > 1 || !img.hasAttr("src")) {
			String source = lazySource(img);
			if (source != null) {
				img.attr("src", source);
			}
		}
	}

	/** The image's real address when {@code src} does not hold it; null when it does, or when nothing else does. */
	private static @Nullable String lazySource(Element img) {
		for (String name : LAZY_SOURCES) {
			String value = img.attr(name).strip();
			if (!value.isEmpty() && !value.startsWith("data:")) {
				return value;
			}
		}
		String src = img.attr("src").strip();
		if (!src.isEmpty() && !src.startsWith("data:")) {
			return null;
		}
		for (String name : SOURCE_SETS) {
			String widest = widest(img.attr(name));
			if (widest != null) {
				return widest;
			}
		}
		return null;
	}

	/**
	 * The candidate of a {@code srcset} with the largest width or density, the first at a tie; null when it holds
	 * none. Candidates are separated by commas; an address may hold commas too, but not one followed by a space.
	 */
	static @Nullable String widest(String srcset) {
		String best = null;
		double bestSize = -1;
		for (String candidate : srcset.split(",\\s+|,$")) {
			String[] parts = candidate.strip().split("\\s+");
			if (parts[0].isEmpty() || parts[0].startsWith("data:")) {
				continue;
			}
			double size = (parts.length > 1) ? size(parts[1]) : 1;
			if (size > bestSize) {
				best = parts[0];
				bestSize = size;
			}
		}
		return best;
	}

	/** A descriptor's number ({@code 640w}, {@code 2x}); 0 when it is not one. */
	private static double size(String descriptor) {
		if (descriptor.length() < 2) {
			return 0;
		}
		try {
			return Double.parseDouble(descriptor.substring(0, descriptor.length() - 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
