package fr.manchette.store;

import java.util.Map;

/** SQL text and its named parameters, built by a repository and also read by the benchmark that prints plans. */
record Statement(String sql, Map<String, Object> params) {
}
