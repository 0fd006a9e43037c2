package fr.manchette.store;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The beans of the item store, for the {@code @JdbcTest} slices of any package: the writes, the story window's reads,
 * the lists with their filters and search, the word index, retention, the link key backfill and the key hashes.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ItemRepository.class, StoredHeadlines.class, HeadlineEdits.class, StoryQueries.class, ItemFilter.class, TopStories.class,
		WordIndex.class, ItemPruner.class, PrunedItems.class, MissingLinkKeys.class, StoreChanges.class, KeyHashes.class,
		YoungStoreStatistics.class, StoreOutage.class })
public class ItemStoreBeans {

}
