package org.primarypipeline.batch.reconcile;

import com.stripe.exception.StripeException;
import com.stripe.model.HasId;
import com.stripe.model.StripeCollection;
import java.util.Collections;
import java.util.Iterator;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads one Stripe list endpoint to its end with stripe-java's auto-paging. The id of the last item
 * read is saved with each chunk, so a run that fails (Stripe down, a crash) restarts after it rather
 * than from the top: Stripe lists page with {@code starting_after}.
 */
class StripeListReader<T extends HasId> implements ItemStreamReader<T> {

    interface FirstPage<T extends HasId> {
        /** The first page of the list, after {@code startingAfter} when it is not null; null when Stripe is not configured. */
        StripeCollection<T> fetch(String startingAfter) throws StripeException;
    }

    private final String name;
    private final FirstPage<T> firstPage;
    private Iterator<T> items;
    private String lastId;

    StripeListReader(String name, FirstPage<T> firstPage) {
        this.name = name;
        this.firstPage = firstPage;
    }

    @Override
    public void open(ExecutionContext context) {
        lastId = context.containsKey(key()) ? context.getString(key()) : null;
        try {
            StripeCollection<T> page = firstPage.fetch(lastId);
            items = page == null
                    ? Collections.emptyIterator()
                    : page.autoPagingIterable().iterator();
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe: " + e.getMessage(), e);
        }
    }

    @Override
    public T read() {
        if (!items.hasNext()) {
            return null;
        }
        T item = items.next();
        lastId = item.getId();
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastId != null) {
            context.putString(key(), lastId);
        }
    }

    private String key() {
        return name + ".starting_after";
    }
}
