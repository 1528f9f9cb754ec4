package org.primarypipeline.benchmarks;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a cycle's time went, read from its workflow history: how long its workflow tasks and activity
 * tasks waited in the server's queues and how long the worker held them, summed per cycle. Workflow
 * task time includes the local activities it ran. (The in-process test server stamps a workflow task's
 * start when the worker completes it, so there its wait includes its run.)
 */
final class CycleHistories {

    private long cycles;
    private long events;
    private long workflowTasks;
    private long workflowTaskWait;
    private long workflowTaskRun;
    private long activityWait;
    private long activityRun;
    private long updates;
    private long span;

    /** Adds one cycle's history. */
    void add(List<HistoryEvent> history) {
        cycles++;
        events += history.size();
        Map<Long, Long> scheduled = new HashMap<>();
        Map<Long, Long> started = new HashMap<>();
        for (HistoryEvent e : history) {
            long at = millis(e.getEventTime());
            EventType type = e.getEventType();
            switch (type) {
                case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
                    scheduled.put(e.getEventId(), at);
                case EVENT_TYPE_WORKFLOW_TASK_STARTED -> {
                    workflowTasks++;
                    long id = e.getWorkflowTaskStartedEventAttributes().getScheduledEventId();
                    workflowTaskWait += at - scheduled.getOrDefault(id, at);
                    started.put(e.getEventId(), at);
                }
                case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> {
                    long id = e.getWorkflowTaskCompletedEventAttributes().getStartedEventId();
                    workflowTaskRun += at - started.getOrDefault(id, at);
                }
                case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
                    long id = e.getActivityTaskStartedEventAttributes().getScheduledEventId();
                    activityWait += at - scheduled.getOrDefault(id, at);
                    started.put(e.getEventId(), at);
                }
                case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
                    long id = e.getActivityTaskCompletedEventAttributes().getStartedEventId();
                    activityRun += at - started.getOrDefault(id, at);
                }
                case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> updates++;
                default -> {
                    // other events carry no queue or run time of their own
                }
            }
        }
        if (!history.isEmpty()) {
            span += millis(history.get(history.size() - 1).getEventTime())
                    - millis(history.get(0).getEventTime());
        }
    }

    void print(PrintStream out) {
        long n = Math.max(1, cycles);
        out.printf("cycles.history_events_to_voting: %.1f events%n", (double) events / n);
        out.printf("cycles.updates_per_cycle: %.1f count%n", (double) updates / n);
        out.printf("cycles.workflow_tasks_per_cycle: %.1f count%n", (double) workflowTasks / n);
        out.printf("cycles.profile.span_ms: %d ms%n", span / n);
        out.printf("cycles.profile.workflow_task_wait_ms: %d ms%n", workflowTaskWait / n);
        out.printf("cycles.profile.workflow_task_run_ms: %d ms%n", workflowTaskRun / n);
        out.printf("cycles.profile.activity_wait_ms: %d ms%n", activityWait / n);
        out.printf("cycles.profile.activity_run_ms: %d ms%n", activityRun / n);
    }

    private static long millis(Timestamp t) {
        return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
    }
}
