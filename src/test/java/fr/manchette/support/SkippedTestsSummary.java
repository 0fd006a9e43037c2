package fr.manchette.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of the test run what was skipped and why (a missing Chromium, a missing corpus of real feeds),
 * so that a skip is never mistaken for a pass. Surefire's own summary only counts them. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class SkippedTestsSummary implements TestExecutionListener {

	private final Map<String, String> skipped = new LinkedHashMap<>();

	private int tests;

	private @Nullable TestPlan plan;

	@Override
	public void testPlanExecutionStarted(TestPlan plan) {
		this.plan = plan;
	}

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		skipped(test, reason);
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			skipped(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan plan) {
		if (this.skipped.isEmpty()) {
			return;
		}
		StringBuilder summary = new StringBuilder("\nSkipped: ").append(this.tests)
			.append((this.tests == 1) ? " test" : " tests")
			.append(", and why:\n");
		this.skipped.forEach((test, reason) -> summary.append("  - ").append(test).append(": ").append(reason)
			.append('\n'));
		System.out.println(summary);
	}

	private void skipped(TestIdentifier test, String reason) {
		long count = test.isTest() ? 1 : (this.plan != null)
				? this.plan.getDescendants(test).stream().filter(TestIdentifier::isTest).count() : 0;
		this.tests += (int) count;
		this.skipped.put(name(test) + (test.isTest() ? "" : " (" + count + ((count == 1) ? " test)" : " tests)")),
				reason);
	}

	private static String name(TestIdentifier test) {
		TestSource source = test.getSource().orElse(null);
		if (source instanceof MethodSource method) {
			return simpleName(method.getClassName()) + "." + method.getMethodName();
		}
		if (source instanceof ClassSource type) {
			return simpleName(type.getClassName());
		}
		return test.getDisplayName();
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
