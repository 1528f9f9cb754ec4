package org.primarypipeline.batch.cutturf;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.primarypipeline.contacts.Turfs;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.primarypipeline.core.district.DistrictKeys;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.geo.DistrictPlans;
import org.primarypipeline.core.geo.ZipDistricts;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.ItemWriter;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code cut-turf} job for one {@code turf_cut}: the universe's districts are the items, one district
 * per chunk (read, cut by {@link TurfCutter}, written in one transaction), so a failed run restarted with the
 * same parameters goes on after the last district it committed (the reader keeps its place in the step's
 * execution context); a district half-written by an interrupted chunk is cleared and written again. A last
 * step counts turfs and doors.
 */
@Configuration(proxyBeanMethods = false)
public class CutTurfJobConfiguration {

    public static final String JOB = "cut-turf";
    public static final String CUT_ID = "cutId";

    /** One district's turfs, as the writer stores them. */
    record DistrictTurfs(String district, List<TurfCutter.Cut> turfs) {}

    @Bean
    Job cutTurfJob(JobRepository jobs, Step cutTurfDistricts, Step cutTurfFinish, Turfs turfs) {
        return new JobBuilder(JOB, jobs)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        turfs.status(execution.getJobParameters().getLong(CUT_ID), "RUNNING");
                    }

                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() != BatchStatus.COMPLETED) {
                            turfs.status(execution.getJobParameters().getLong(CUT_ID), "FAILED");
                        }
                    }
                })
                .start(cutTurfDistricts)
                .next(cutTurfFinish)
                .build();
    }

    @Bean
    Step cutTurfDistricts(
            JobRepository jobs,
            PlatformTransactionManager tx,
            AbstractItemCountingItemStreamItemReader<String> cutTurfReader,
            DistrictCutter cutTurfProcessor,
            DistrictWriter cutTurfWriter) {
        return new StepBuilder("cut-turf-districts", jobs)
                .<String, DistrictTurfs>chunk(1, tx)
                .reader(cutTurfReader)
                .processor(cutTurfProcessor)
                .writer(cutTurfWriter)
                .build();
    }

    /** The universe's districts in order; its place is saved after each chunk, so a restart skips those done. */
    @Bean
    @StepScope
    AbstractItemCountingItemStreamItemReader<String> cutTurfReader(
            @Value("#{jobParameters['" + CUT_ID + "']}") Long cutId, Turfs turfs, Universes universes) {
        AbstractItemCountingItemStreamItemReader<String> reader = new AbstractItemCountingItemStreamItemReader<>() {
            private List<String> districts;

            @Override
            protected void doOpen() {
                districts = turfs.districts(universe(turfs, universes, cutId));
            }

            @Override
            protected String doRead() {
                int i = getCurrentItemCount() - 1;
                return i < districts.size() ? districts.get(i) : null;
            }

            @Override
            protected void doClose() {
                districts = null;
            }
        };
        reader.setName("cut-turf-districts");
        return reader;
    }

    @Bean
    @StepScope
    DistrictCutter cutTurfProcessor(
            @Value("#{jobParameters['" + CUT_ID + "']}") Long cutId, Turfs turfs, Universes universes) {
        Turfs.Cut cut = turfs.cut(cutId).orElseThrow();
        DistrictPlan plan = turfs.planOf(cut.cycleId())
                .filter(DistrictPlans.known()::contains)
                .map(DistrictPlans::load)
                .orElse(null);
        return new DistrictCutter(
                turfs,
                universe(turfs, universes, cutId),
                plan,
                new TurfCutter(cut.doorsPerTurf(), ZipDistricts.bundled()));
    }

    @Bean
    @StepScope
    DistrictWriter cutTurfWriter(@Value("#{jobParameters['" + CUT_ID + "']}") Long cutId, Turfs turfs) {
        return new DistrictWriter(turfs, cutId, turfs.cut(cutId).orElseThrow().cycleId());
    }

    /** Cuts one district: its contacts in the universe, kept within its boundary on the campaign's plan. */
    static class DistrictCutter implements ItemProcessor<String, DistrictTurfs> {
        private final Turfs turfs;
        private final Universe universe;
        private final DistrictPlan plan;
        private final TurfCutter cutter;

        DistrictCutter(Turfs turfs, Universe universe, DistrictPlan plan, TurfCutter cutter) {
            this.turfs = turfs;
            this.universe = universe;
            this.plan = plan;
            this.cutter = cutter;
        }

        @Override
        public DistrictTurfs process(String district) {
            Geometry boundary = plan == null || district.isEmpty()
                    ? null
                    : plan.boundaries().get(DistrictKeys.fromCombined(district));
            return new DistrictTurfs(district, cutter.cut(turfs.doorContacts(universe, district), boundary));
        }
    }

    /** Writes a district's turfs in the chunk's transaction. */
    static class DistrictWriter implements ItemWriter<DistrictTurfs> {
        private final Turfs turfs;
        private final long cutId;
        private final String cycle;

        DistrictWriter(Turfs turfs, long cutId, String cycle) {
            this.turfs = turfs;
            this.cutId = cutId;
            this.cycle = cycle;
        }

        @Override
        public void write(Chunk<? extends DistrictTurfs> chunk) {
            for (DistrictTurfs d : chunk) {
                turfs.writeDistrict(
                        cutId,
                        cycle,
                        d.district(),
                        d.turfs().stream()
                                .map(t -> Map.entry(t.boundary() == null ? "" : t.boundary(), t.doors()))
                                .toList());
            }
        }
    }

    @Bean
    Step cutTurfFinish(JobRepository jobs, PlatformTransactionManager tx, Turfs turfs) {
        return new StepBuilder("cut-turf-finish", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            turfs.finish(chunk.getStepContext()
                                    .getStepExecution()
                                    .getJobParameters()
                                    .getLong(CUT_ID));
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    private static Universe universe(Turfs turfs, Universes universes, long cutId) {
        Turfs.Cut cut = turfs.cut(cutId).orElseThrow(() -> new IllegalArgumentException("no turf cut " + cutId));
        return universes.find(cut.universeId()).orElseThrow();
    }
}
