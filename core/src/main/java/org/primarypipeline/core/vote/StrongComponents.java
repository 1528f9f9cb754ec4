package org.primarypipeline.core.vote;

import java.util.Arrays;

/**
 * Strongly connected components of the members who pass units on, by Tarjan's algorithm without
 * recursion (a delegation chain can be a million members long). Components come out sinks first, so
 * walking them backwards visits every component after all components that feed it.
 */
final class StrongComponents {

    /** Component of each member; -1 for members not passing units on or not reached from the roots. */
    final int[] component;
    /** Members grouped by component; within one, the root is last and the others in reverse discovery order. */
    final int[] members;
    /** Component {@code c} holds {@code members[start[c] .. start[c+1])}. */
    final int[] start;

    final int count;

    private StrongComponents(int[] component, int[] members, int[] start, int count) {
        this.component = component;
        this.members = members;
        this.start = start;
        this.count = count;
    }

    /**
     * @param passes which members pass units on; edges into other members are ignored
     * @param roots where to start; null means every member, in index order
     */
    static StrongComponents find(int[] edgeStart, int[] edgeTarget, boolean[] passes, int[] roots) {
        int n = passes.length;
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] discovered = new int[n]; // 0 = not yet; otherwise discovery time, from 1
        int[] low = new int[n];
        int[] stack = new int[n];
        int[] callMember = new int[n];
        int[] callEdge = new int[n];
        int[] members = new int[n];
        int[] start = new int[n + 1];
        int time = 0;
        int stackSize = 0;
        int placed = 0;
        int count = 0;
        int rootCount = roots == null ? n : roots.length;
        for (int r = 0; r < rootCount; r++) {
            int root = roots == null ? r : roots[r];
            if (!passes[root] || discovered[root] != 0) {
                continue;
            }
            discovered[root] = low[root] = ++time;
            stack[stackSize++] = root;
            callMember[0] = root;
            callEdge[0] = edgeStart[root];
            int depth = 1;
            while (depth > 0) {
                int v = callMember[depth - 1];
                int e = callEdge[depth - 1];
                if (e < edgeStart[v + 1]) {
                    callEdge[depth - 1] = e + 1;
                    int w = edgeTarget[e];
                    if (!passes[w]) {
                        continue;
                    }
                    if (discovered[w] == 0) {
                        discovered[w] = low[w] = ++time;
                        stack[stackSize++] = w;
                        callMember[depth] = w;
                        callEdge[depth] = edgeStart[w];
                        depth++;
                    } else if (component[w] < 0 && discovered[w] < low[v]) {
                        // Visited but not yet placed in a component means still on the stack.
                        low[v] = discovered[w];
                    }
                    continue;
                }
                if (low[v] == discovered[v]) {
                    int w;
                    do {
                        w = stack[--stackSize];
                        component[w] = count;
                        members[placed++] = w;
                    } while (w != v);
                    start[++count] = placed;
                }
                depth--;
                if (depth > 0) {
                    int parent = callMember[depth - 1];
                    if (low[v] < low[parent]) {
                        low[parent] = low[v];
                    }
                }
            }
        }
        return new StrongComponents(component, members, start, count);
    }
}
