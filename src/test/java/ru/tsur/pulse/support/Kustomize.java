package ru.tsur.pulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset our manifests use (no
 * kustomize binary is packaged for the machines here): {@code resources} (files and directories),
 * {@code patches} given by {@code path} (strategic merge: maps merge, {@code null} deletes, lists of
 * containers, volumes, env, mounts, ports and spread constraints merge by their Kubernetes merge key, other
 * lists are replaced; a patch document holding {@code $patch: delete} removes the resource it names, as
 * kustomize does), {@code namespace} and {@code images}. Any other field (or {@code $patch} directive) is
 * refused, so an overlay can never use something this renderer would silently ignore.
 */
public final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images");
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "volumes", "name", "env", "name", "volumeMounts", "mountPath", "topologySpreadConstraints", "topologyKey",
            "imagePullSecrets", "name");

    private Kustomize() {
    }

    /** The resources the kustomization in {@code directory} produces, in order. */
    public static List<ObjectNode> render(Path directory) throws IOException {
        JsonNode kustomization = YAML.readTree(directory.resolve("kustomization.yaml").toFile());
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + field + "' is not supported");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : read(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalArgumentException(directory + ": only patches given by 'path' are supported: " + patch);
            }
            for (ObjectNode document : read(directory.resolve(patch.path("path").asText()))) {
                ObjectNode target = find(resources, document.path("kind").asText(),
                        document.path("metadata").path("name").asText());
                if (document.has("$patch")) {
                    if (!document.path("$patch").asText().equals("delete")) {
                        throw new IllegalArgumentException(directory + ": only '$patch: delete' is supported: " + document);
                    }
                    resources.remove(target);
                } else {
                    merge(target, document);
                }
            }
        }
        if (kustomization.has("namespace")) {
            for (ObjectNode resource : resources) {
                ((ObjectNode) resource.path("metadata")).put("namespace", kustomization.path("namespace").asText());
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode resource : resources) {
                for (JsonNode container : resource.path("spec").path("template").path("spec").path("containers")) {
                    String current = container.path("image").asText();
                    String name = current.contains(":") ? current.substring(0, current.indexOf(':')) : current;
                    if (name.equals(image.path("name").asText())) {
                        ((ObjectNode) container).put("image", image.path("newName").asText(name) + ":"
                                + image.path("newTag").asText());
                    }
                }
            }
        }
        return resources;
    }

    /** The one resource of that kind and name; fails when there is none. */
    public static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream().filter(resource -> resource.path("kind").asText().equals(kind)
                        && resource.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + kind + " named " + name));
    }

    private static List<ObjectNode> read(Path file) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            Iterator<JsonNode> values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add((ObjectNode) document);
                }
            }
        }
        return documents;
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("strategic-merge directive '" + name + "' is not supported inside a resource");
            }
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, value);
            } else if (value.isArray() && existing != null && existing.isArray() && mergeKey(name, value) != null) {
                mergeList((ArrayNode) existing, (ArrayNode) value, mergeKey(name, value));
            } else {
                target.set(name, value.deepCopy());
            }
        });
    }

    private static String mergeKey(String field, JsonNode list) {
        if (field.equals("ports")) {
            return list.path(0).has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static void mergeList(ArrayNode existing, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            ObjectNode match = null;
            for (JsonNode candidate : existing) {
                if (candidate.path(key).equals(item.path(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                existing.add(item.deepCopy());
            } else {
                merge(match, item);
            }
        }
    }
}
