package io.yakraft.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON for metadata records with Kafka's field names ("BrokerId", "TopicId", ...) and a
 * "type" naming the record. Unknown fields are errors, not silently dropped.
 */
public final class MetadataJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private MetadataJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(MetadataRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record, e);
        }
    }

    /** @throws IllegalArgumentException naming what was wrong with the text */
    public static MetadataRecord fromJson(String json) {
        try {
            return MAPPER.readValue(json, MetadataRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a metadata record: " + e.getOriginalMessage(), e);
        }
    }
}
