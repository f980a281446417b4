package io.yakraft.sim;

import java.util.Arrays;

/** A binary min-heap of events ordered by (time, seq). Not thread-safe; the kernel owns it. */
final class EventQueue {
    private Event[] heap = new Event[1024];
    private int size;

    void add(Event e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!e.before(p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    Event peek() {
        return size == 0 ? null : heap[0];
    }

    Event poll() {
        if (size == 0) {
            return null;
        }
        Event top = heap[0];
        Event last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last);
        }
        return top;
    }

    private void siftDown(Event e) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Event c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(e)) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = e;
    }

    int size() {
        return size;
    }

    /** Visits queued events in heap order (not time order); for snapshots of in-flight messages. */
    void forEach(java.util.function.Consumer<Event> visitor) {
        for (int i = 0; i < size; i++) {
            visitor.accept(heap[i]);
        }
    }
}
