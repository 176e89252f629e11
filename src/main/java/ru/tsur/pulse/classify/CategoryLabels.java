package ru.tsur.pulse.classify;

import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a region category by what a source or a data file calls it: our id, its Russian name (any case,
 * «ё» = «е») or the source's own code (Kursk numbers its categories). One lookup for the classifiers,
 * training and evaluation.
 */
public final class CategoryLabels {

    private final Map<String, Category> byLabel = new HashMap<>();

    public CategoryLabels(List<Category> categories) {
        for (Category category : categories) {
            byLabel.putIfAbsent(TextNormalizer.foldLine(category.id()), category);
            byLabel.putIfAbsent(TextNormalizer.foldLine(category.name()), category);
            if (category.code() != null) {
                byLabel.putIfAbsent(TextNormalizer.foldLine(category.code()), category);
            }
        }
    }

    public Optional<Category> find(String label) {
        return label == null || label.isBlank()
                ? Optional.empty()
                : Optional.ofNullable(byLabel.get(TextNormalizer.foldLine(label)));
    }
}
