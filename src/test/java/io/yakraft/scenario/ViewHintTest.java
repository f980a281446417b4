package io.yakraft.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caption's "view" asks the window for a view; it is read and checked like any field, and the simulation never sees it. */
class ViewHintTest {
    private static final String LESSON = "11-produce-while-a-partition-leader-dies.json";

    private static Scenario read(String steps) throws ScenarioException {
        return ScenarioReader.read("hint.json", "{\"name\": \"hint\", \"cluster\": {\"controllers\": 3}, \"steps\": [" + steps + "]}");
    }

    @Test
    void aCaptionNamesThePartitionItWantsOnScreen() throws ScenarioException {
        Scenario s = read("{\"action\": \"caption\", \"text\": \"look\", \"view\": {\"show\": \"partition\", \"partition\": \"my-topic-2\"}},"
                + "{\"action\": \"caption\", \"text\": \"back\", \"view\": {\"show\": \"metadata\"}},"
                + "{\"action\": \"caption\", \"text\": \"plain\"}");
        ViewHint hint = s.steps().get(0).view();
        assertEquals(ViewHint.Kind.PARTITION, hint.show());
        assertEquals("my-topic", hint.topic());
        assertEquals(2, hint.partitionNumber());
        assertEquals(new ViewHint(ViewHint.Kind.METADATA, null), s.steps().get(1).view());
        assertNull(s.steps().get(2).view());
        assertEquals("caption text=look", s.steps().get(0).describe(), "the hint is not part of the action's words in the trace");
    }

    @Test
    void aWrongHintIsRefusedWithItsStepAndWhatWasExpected() {
        ScenarioException notACaption = assertThrows(ScenarioException.class, () ->
                read("{\"action\": \"kill\", \"node\": \"leader\", \"view\": {\"show\": \"metadata\"}}"));
        assertTrue(notACaption.getMessage().contains("step 1 (kill): 'view' belongs to a caption or a question"),
                notACaption.getMessage());
        ScenarioException noNumber = assertThrows(ScenarioException.class, () ->
                read("{\"action\": \"caption\", \"text\": \"x\", \"view\": {\"show\": \"partition\", \"partition\": \"payments\"}}"));
        assertTrue(noNumber.getMessage().contains("topic-n"), noNumber.getMessage());
        ScenarioException unknown = assertThrows(ScenarioException.class, () ->
                read("{\"action\": \"caption\", \"text\": \"x\", \"view\": {\"show\": \"cluster\"}}"));
        assertTrue(unknown.getMessage().contains("'show' is 'partition' or 'metadata', got 'cluster'"), unknown.getMessage());
        ScenarioException extra = assertThrows(ScenarioException.class, () ->
                read("{\"action\": \"caption\", \"text\": \"x\", \"view\": {\"show\": \"metadata\", \"zoom\": 2}}"));
        assertTrue(extra.getMessage().contains("'view' has no field 'zoom'"), extra.getMessage());
    }

    @Test
    void lessonElevenAsksForPayments0AndItsTraceIsTheSameWithoutTheHint() throws ScenarioException {
        Scenario withHint = Lessons.load(LESSON);
        assertTrue(withHint.steps().stream().anyMatch(st -> st.view() != null && "payments-0".equals(st.view().partition())),
                "lesson 11 shows payments-0 when it speaks of it");
        String text = Lessons.text(LESSON).replace("\"view\": {\"show\": \"partition\", \"partition\": \"payments-0\"}, ", "");
        Scenario without = ScenarioReader.read(LESSON, text);
        assertTrue(without.steps().stream().allMatch(st -> st.view() == null));
        assertEquals(ScenarioRun.play(without).traceSha256(), ScenarioRun.play(withHint).traceSha256(),
                "the view hint only reaches the window");
    }
}
