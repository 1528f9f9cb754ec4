package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.core.district.DistrictId;

/**
 * What changed between two rankings of the same districts, e.g. before and after staff changed a
 * weight. Districts present in only one ranking are left out.
 *
 * @param moves every district present in both, largest move first
 */
public record RankingDiff(List<Move> moves) {

    public RankingDiff {
        moves = List.copyOf(moves);
    }

    /** One district's place in both rankings. */
    public record Move(
            DistrictId district,
            int fromRank,
            int toRank,
            double fromScore,
            double toScore,
            Path fromPath,
            Path toPath) {

        /** Places gained: positive moved up, negative moved down. */
        public int placesUp() {
            return fromRank - toRank;
        }

        public boolean pathChanged() {
            return fromPath != toPath;
        }
    }

    public static RankingDiff between(List<DistrictPriority> before, List<DistrictPriority> after) {
        Map<DistrictId, DistrictPriority> old = new HashMap<>();
        before.forEach(p -> old.put(p.district(), p));
        List<Move> moves = new ArrayList<>();
        for (DistrictPriority now : after) {
            DistrictPriority was = old.get(now.district());
            if (was != null) {
                moves.add(new Move(
                        now.district(), was.rank(), now.rank(), was.score(), now.score(), was.path(), now.path()));
            }
        }
        moves.sort(Comparator.comparingInt((Move m) -> -Math.abs(m.placesUp())).thenComparingInt(Move::toRank));
        return new RankingDiff(moves);
    }

    public List<Move> movedUp() {
        return moves.stream().filter(m -> m.placesUp() > 0).toList();
    }

    public List<Move> movedDown() {
        return moves.stream().filter(m -> m.placesUp() < 0).toList();
    }

    public List<Move> pathChanges() {
        return moves.stream().filter(Move::pathChanged).toList();
    }

    public boolean isEmpty() {
        return moves.stream().allMatch(m -> m.placesUp() == 0 && !m.pathChanged());
    }

    /** Districts that entered or left the top {@code n}. */
    public List<Move> crossings(int n) {
        return moves.stream()
                .filter(m -> (m.fromRank() <= n) != (m.toRank() <= n))
                .sorted(Comparator.comparingInt(Move::toRank))
                .toList();
    }
}
