-- The SQL of src/server/modules/learning/learning.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- findLearning
select "id", "group_id", "what_happened", "what_we_learned", "what_we_will_change", "tags", "recorded_on", "search_vector" from "learning_entries" where ("learning_entries"."id" = $1 and "learning_entries"."group_id" = $2);

-- findSuggestion
select "id", "group_id", "text", "made_on", "considered_at_meeting", "considered_on", "outcome", "decision_id", "search_vector" from "suggestions" where ("suggestions"."id" = $1 and "suggestions"."group_id" = $2) for update;

-- insertLearning
insert into "learning_entries" ("id", "group_id", "what_happened", "what_we_learned", "what_we_will_change", "tags", "recorded_on") values (default, $1, default, default, default, default, default) returning "id", "group_id", "what_happened", "what_we_learned", "what_we_will_change", "tags", "recorded_on", "search_vector";

-- insertSuggestion
insert into "suggestions" ("id", "group_id", "text", "made_on", "considered_at_meeting", "considered_on", "outcome", "decision_id") values (default, $1, $2, default, default, default, default, default) returning "id", "group_id", "text", "made_on", "considered_at_meeting", "considered_on", "outcome", "decision_id", "search_vector";

-- listLearning
select "id", "group_id", "what_happened", "what_we_learned", "what_we_will_change", "tags", "recorded_on", "search_vector" from "learning_entries" where "learning_entries"."group_id" = $1 order by "learning_entries"."recorded_on" desc, "learning_entries"."id" desc;

-- listSuggestions
select "id", "group_id", "text", "made_on", "considered_at_meeting", "considered_on", "outcome", "decision_id", "search_vector" from "suggestions" where "suggestions"."group_id" = $1 order by "suggestions"."made_on" desc, "suggestions"."id" desc;

-- readSuggestion
select "id", "group_id", "text", "made_on", "considered_at_meeting", "considered_on", "outcome", "decision_id", "search_vector" from "suggestions" where ("suggestions"."id" = $1 and "suggestions"."group_id" = $2);

-- recordOutcome
update "suggestions" set "considered_at_meeting" = $1, "considered_on" = $2, "outcome" = $3, "decision_id" = $4 where "suggestions"."id" = $5 returning "id", "group_id", "text", "made_on", "considered_at_meeting", "considered_on", "outcome", "decision_id", "search_vector";

-- releasedIds
select "item_id" from "releases" where ("releases"."group_id" = $1 and "releases"."item_type" = $2 and "releases"."withdrawn_at" is null);
