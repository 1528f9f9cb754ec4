package org.primarypipeline.batch.assigndistricts;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.database.JdbcCursorItemReader;

/**
 * Hands the step blocks of supporters read from the partition's cursor: Spring Batch's bookkeeping per
 * item (timers, listeners) then runs once per block rather than once per supporter. The cursor keeps its
 * own count of rows read, saved at chunk boundaries (which fall between blocks), so a restart resumes
 * after the last committed block.
 */
public class PlaceBlockReader implements ItemStreamReader<List<SupporterPlace>> {

    private final JdbcCursorItemReader<SupporterPlace> cursor;
    private final int blockSize;

    public PlaceBlockReader(JdbcCursorItemReader<SupporterPlace> cursor, int blockSize) {
        this.cursor = cursor;
        this.blockSize = blockSize;
    }

    @Override
    public List<SupporterPlace> read() throws Exception {
        List<SupporterPlace> block = new ArrayList<>(blockSize);
        SupporterPlace place;
        while (block.size() < blockSize && (place = cursor.read()) != null) {
            block.add(place);
        }
        return block.isEmpty() ? null : block;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        cursor.open(context);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        cursor.update(context);
    }

    @Override
    public void close() throws ItemStreamException {
        cursor.close();
    }
}
