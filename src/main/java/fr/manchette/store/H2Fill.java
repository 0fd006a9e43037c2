package fr.manchette.store;

import java.util.Map;

/**
 * The file as H2 sees it ({@code INFORMATION_SCHEMA.SETTINGS} shows the same as {@code info.*}): its size, the
 * share of it in chunks (the rest is holes; counted up to the end of the last chunk, not of the file: free space
 * after it, which H2 cuts at its next store, counts for nothing), and the share of the chunks' bytes still live, of
 * all chunks and of those old enough to be rewritten (younger ones are what the last seconds wrote, mostly dead
 * already, and off limits for the retention time); and how many writes the file has had. It counts pages, not rows:
 * a file compacted offline is smaller still. And the pages dead in the chunks: a step on a file of gigabytes frees
 * less than a percent of it, which only their count shows.
 */
record H2Fill(long size, int inChunks, int chunksLive, int oldChunksLive, long writes, long deadPages) {

	/** From the store's {@code info.*} settings. */
	static H2Fill of(Map<String, String> info) {
		return new H2Fill(Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0")), percent(info, "info.FILL_RATE"),
				percent(info, "info.CHUNKS_FILL_RATE"), percent(info, "info.CHUNKS_FILL_RATE_RW"),
				Long.parseLong(info.getOrDefault("info.FILE_WRITE", "0")),
				Long.parseLong(info.getOrDefault("info.PAGE_COUNT", "0"))
						- Long.parseLong(info.getOrDefault("info.PAGE_COUNT_LIVE", "0")));
	}

	private static int percent(Map<String, String> info, String name) {
		return Integer.parseInt(info.getOrDefault(name, "100"));
	}

	/** The share of the file in live pages, young chunks included. */
	int liveShare() {
		return this.inChunks * this.chunksLive / 100;
	}

	/** The live pages, in bytes, as far as H2 can tell. */
	long live() {
		return this.size * this.inChunks / 100 * this.chunksLive / 100;
	}

	/**
	 * Whether less than {@code percent} % of the file is live pages, counting the young chunks as if they were as
	 * full as the old ones: holes and dead pages in old chunks are what a compaction can take away.
	 */
	boolean below(int percent) {
		return this.inChunks * this.oldChunksLive < percent * 100;
	}

	boolean betterThan(H2Fill other) {
		return this.size < other.size || this.inChunks > other.inChunks || this.oldChunksLive > other.oldChunksLive
				|| this.chunksLive > other.chunksLive || this.deadPages < other.deadPages;
	}

	@Override
	public String toString() {
		return "%d MiB (%d %% in chunks, %d %% of them live, %d %% of the old ones)".formatted(this.size >> 20,
				this.inChunks, this.chunksLive, this.oldChunksLive);
	}

}

