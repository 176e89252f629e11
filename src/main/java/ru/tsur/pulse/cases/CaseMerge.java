package ru.tsur.pulse.cases;

import java.util.Optional;

/**
 * When an operator may merge one case into another, or split a message off a case: the decisions of
 * {@link CaseService#merge} and {@link CaseService#split}, as plain rules. A case is never merged into itself,
 * a merged case is final (it merges into nothing and takes nothing in), and a case is never left without
 * messages by a split (its only message would just change case number). Whether the cases exist for the caller
 * is decided before (404 as elsewhere); these rules answer with the Russian detail of a 409.
 */
public final class CaseMerge {

    private CaseMerge() {
    }

    /** Why {@code merged} may not be merged into {@code survivor}; empty when it may. */
    public static Optional<String> mergeRefusal(ProblemCase merged, ProblemCase survivor) {
        if (merged.id() == survivor.id()) {
            return Optional.of("Обращение № " + merged.id() + " нельзя объединить с самим собой");
        }
        if (merged.statusValue() == CaseStatus.MERGED) {
            return Optional.of("Обращение № " + merged.id() + " уже объединено с № " + merged.mergedInto());
        }
        if (survivor.statusValue() == CaseStatus.MERGED) {
            return Optional.of("Обращение № " + survivor.id() + " уже объединено с № " + survivor.mergedInto()
                    + ": объединяйте с ним");
        }
        return Optional.empty();
    }

    /** Why a message may not leave a case holding {@code messages} messages; empty when it may. */
    public static Optional<String> splitRefusal(ProblemCase problem, long messages) {
        if (problem.statusValue() == CaseStatus.MERGED) {
            return Optional.of("Обращение № " + problem.id() + " объединено с № " + problem.mergedInto()
                    + ": его сообщения теперь там");
        }
        if (messages <= 1) {
            return Optional.of("Это единственное сообщение обращения № " + problem.id() + ": выделять его не из чего");
        }
        return Optional.empty();
    }
}
