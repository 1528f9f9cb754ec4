-- Secret links never stay in the outbox (issue #17, item 4). Until now only ballot links were marked
-- secret, and only sending dropped them: nomination confirm/accept links, invitation codes and
-- best-efforts answer links stayed in every row, and ballot links stayed in DEAD and SUPPRESSED rows.

-- 1. Rows still to be sent: mark their links secret, so sending drops them.
update outbox_message
set model = model || jsonb_build_object('_secrets',
        coalesce(model -> '_secrets', '[]'::jsonb) || case template
            when 'nomination-confirm' then '["confirmUrl"]'::jsonb
            when 'candidate-invitation' then '["acceptUrl"]'::jsonb
            when 'candidate-reminder' then '["acceptUrl"]'::jsonb
            when 'group-invitation' then '["token", "invitationUrl"]'::jsonb
            when 'best-efforts-request' then '["answerUrl"]'::jsonb
        end)
where status in ('PENDING', 'SENDING')
  and template in ('nomination-confirm', 'candidate-invitation', 'candidate-reminder', 'group-invitation',
                   'best-efforts-request');

-- 2. Rows that were sent: drop the links that were never marked.
update outbox_message
set model = model - 'confirmUrl' - 'acceptUrl' - 'token' - 'invitationUrl' - 'answerUrl'
where status = 'SENT'
  and template in ('nomination-confirm', 'candidate-invitation', 'candidate-reminder', 'group-invitation',
                   'best-efforts-request');

-- 3. Rows that will never be sent: drop every link, marked or not, and name what was dropped (a dead
--    letter that lost its link is not requeued without it; see DeadLetters.requeue).
update outbox_message
set model = (model - 'confirmUrl' - 'acceptUrl' - 'token' - 'invitationUrl' - 'answerUrl'
                   - array(select jsonb_array_elements_text(coalesce(model -> '_secrets', '[]'::jsonb)))
                   - '_secrets')
            || jsonb_build_object('_scrubbed',
                   coalesce(model -> '_secrets', '[]'::jsonb)
                   || (select coalesce(jsonb_agg(k), '[]'::jsonb)
                       from unnest(array['confirmUrl', 'acceptUrl', 'token', 'invitationUrl', 'answerUrl']) k
                       where model ? k))
where status in ('DEAD', 'SUPPRESSED')
  and (model ? '_secrets'
       or model ?| array['confirmUrl', 'acceptUrl', 'token', 'invitationUrl', 'answerUrl']);
