-- The SQL of src/server/modules/meetings/agenda.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- findItem
select "id", "meeting_id", "position", "title", "purpose", "remit_key", "placement", "take_instead", "placement_reason", "created_by", "created_at", "updated_at" from "agenda_items" where ("agenda_items"."id" = $1 and "agenda_items"."meeting_id" = $2);

-- findPaperById
select "papers"."id", "papers"."title", "papers"."file_name", "papers"."media_type", "papers"."uploaded_at" from "papers" inner join "meetings" on "meetings"."id" = "papers"."meeting_id" where ("papers"."id" = $1 and "meetings"."group_id" = $2);

-- findPaperContent
select "id", "meeting_id", "item_id", "title", "file_name", "media_type", "size_bytes", "sha256", "late", "uploaded_by", "uploaded_at", "content" from "papers" where ("papers"."id" = $1 and "papers"."meeting_id" = $2);

-- findPaperFile
select "papers"."file_name", "papers"."media_type", "papers"."content" from "papers" inner join "meetings" on "meetings"."id" = "papers"."meeting_id" where ("papers"."id" = $1 and "meetings"."group_id" = $2);

-- insertItem
insert into "agenda_items" ("id", "meeting_id", "position", "title", "purpose", "remit_key", "placement", "take_instead", "placement_reason", "created_by", "created_at", "updated_at") values (default, $1, default, $2, default, default, default, default, default, default, default, default) returning "id", "meeting_id", "position", "title", "purpose", "remit_key", "placement", "take_instead", "placement_reason", "created_by", "created_at", "updated_at";

-- insertPaper
insert into "papers" ("id", "meeting_id", "item_id", "title", "file_name", "media_type", "size_bytes", "sha256", "content", "late", "uploaded_by", "uploaded_at") values (default, $1, default, $2, default, default, default, default, default, default, default, default) returning "id", "meeting_id", "item_id", "title", "file_name", "media_type", "size_bytes", "sha256", "late", "uploaded_by", "uploaded_at";

-- listDeclarations
select "interest_declarations"."item_id", "interest_declarations"."user_id", "users"."name", "interest_declarations"."interest" from "interest_declarations" inner join "users" on "users"."id" = "interest_declarations"."user_id" where "interest_declarations"."item_id" in ($1) order by "users"."name" asc;

-- listItems
select "id", "meeting_id", "position", "title", "purpose", "remit_key", "placement", "take_instead", "placement_reason", "created_by", "created_at", "updated_at" from "agenda_items" where "agenda_items"."meeting_id" = $1 order by "agenda_items"."position" asc, "agenda_items"."created_at" asc, "agenda_items"."id" asc;

-- listPapers
select "papers"."id", "papers"."meeting_id", "papers"."item_id", "papers"."title", "papers"."file_name", "papers"."media_type", "papers"."size_bytes", "papers"."sha256", "papers"."late", "papers"."uploaded_by", "papers"."uploaded_at", "users"."name" from "papers" left join "users" on "users"."id" = "papers"."uploaded_by" where "papers"."meeting_id" = $1 order by "papers"."uploaded_at" asc, "papers"."id" asc;

-- setItemPositions
update "agenda_items" set "position" = $1 where "agenda_items"."id" = $2;
update "agenda_items" set "position" = $1 where "agenda_items"."id" = $2;

-- updateItem
update "agenda_items" set "title" = $1, "updated_at" = $2 where "agenda_items"."id" = $3 returning "id", "meeting_id", "position", "title", "purpose", "remit_key", "placement", "take_instead", "placement_reason", "created_by", "created_at", "updated_at";

-- upsertDeclaration
insert into "interest_declarations" ("item_id", "user_id", "interest", "declared_at") values ($1, $2, $3, default) on conflict ("item_id","user_id") do update set "interest" = $4, "declared_at" = $5;
