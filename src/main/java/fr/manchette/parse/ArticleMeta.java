package fr.manchette.parse;

import org.jspecify.annotations.Nullable;

/**
 * What an article page says about itself in its meta tags, the part of a page written for link previews: never its
 * chrome ("Suivez-nous sur Facebook", "Commentaires (0)").
 *
 * @param description {@code og:description}, else {@code description}, else {@code twitter:description}, as text
 * @param image {@code og:image}, else {@code twitter:image}, absolute
 * @param publishedTime {@code article:published_time}, else {@code datePublished}, as written
 */
public record ArticleMeta(@Nullable String description, @Nullable String image, @Nullable String publishedTime) {

	public static final ArticleMeta NONE = new ArticleMeta(null, null, null);

}
