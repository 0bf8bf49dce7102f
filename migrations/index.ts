import * as migration_20261128_110403_initial from './20261128_110403_initial';
import * as migration_20261128_113053_moderation from './20261128_113053_moderation';
import * as migration_20261128_121950_content_workflow from './20261128_121950_content_workflow';
import * as migration_20261128_140204_publishing from './20261128_140204_publishing';
import * as migration_20261205_202243_jobs_schedule from './20261205_202243_jobs_schedule';
import * as migration_20261206_011745_inbox from './20261206_011745_inbox';
import * as migration_20261206_013126_inbox_actions from './20261206_013126_inbox_actions';
import * as migration_20261206_014425_inbox_replies from './20261206_014425_inbox_replies';
import * as migration_20261206_015157_inbox_polling from './20261206_015157_inbox_polling';
import * as migration_20261206_020115_inbox_import_notes_press from './20261206_020115_inbox_import_notes_press';
import * as migration_20261206_022802_inbox_answer_times from './20261206_022802_inbox_answer_times';
import * as migration_20261206_024327_inbox_silence from './20261206_024327_inbox_silence';
import * as migration_20261206_035259_moderation_log_checkpoints from './20261206_035259_moderation_log_checkpoints';
import * as migration_20261206_112722_metric_snapshots from './20261206_112722_metric_snapshots';
import * as migration_20261206_155050_reporting_api from './20261206_155050_reporting_api';
import * as migration_20261206_162850_account_metrics from './20261206_162850_account_metrics';
import * as migration_20261206_165423_first_answer from './20261206_165423_first_answer';
import * as migration_20261206_183052_periodic_reports from './20261206_183052_periodic_reports';
import * as migration_20261206_184808_metric_imports from './20261206_184808_metric_imports';
import * as migration_20261206_190555_business_hours from './20261206_190555_business_hours';
import * as migration_20261206_213947_crisis_watch from './20261206_213947_crisis_watch';
import * as migration_20261206_221116_crisis_playbooks from './20261206_221116_crisis_playbooks';
import * as migration_20261207_004241_triage_models_and_proximity from './20261207_004241_triage_models_and_proximity';
import * as migration_20261207_010006_localized_rule_names from './20261207_010006_localized_rule_names';
import * as migration_20261207_031750_storage_fields from './20261207_031750_storage_fields';
import * as migration_20261207_034731_scheduled_run_claims from './20261207_034731_scheduled_run_claims';

export const migrations = [
  {
    up: migration_20261128_110403_initial.up,
    down: migration_20261128_110403_initial.down,
    name: '20261128_110403_initial',
  },
  {
    up: migration_20261128_113053_moderation.up,
    down: migration_20261128_113053_moderation.down,
    name: '20261128_113053_moderation',
  },
  {
    up: migration_20261128_121950_content_workflow.up,
    down: migration_20261128_121950_content_workflow.down,
    name: '20261128_121950_content_workflow',
  },
  {
    up: migration_20261128_140204_publishing.up,
    down: migration_20261128_140204_publishing.down,
    name: '20261128_140204_publishing',
  },
  {
    up: migration_20261205_202243_jobs_schedule.up,
    down: migration_20261205_202243_jobs_schedule.down,
    name: '20261205_202243_jobs_schedule',
  },
  {
    up: migration_20261206_011745_inbox.up,
    down: migration_20261206_011745_inbox.down,
    name: '20261206_011745_inbox',
  },
  {
    up: migration_20261206_013126_inbox_actions.up,
    down: migration_20261206_013126_inbox_actions.down,
    name: '20261206_013126_inbox_actions',
  },
  {
    up: migration_20261206_014425_inbox_replies.up,
    down: migration_20261206_014425_inbox_replies.down,
    name: '20261206_014425_inbox_replies',
  },
  {
    up: migration_20261206_015157_inbox_polling.up,
    down: migration_20261206_015157_inbox_polling.down,
    name: '20261206_015157_inbox_polling',
  },
  {
    up: migration_20261206_020115_inbox_import_notes_press.up,
    down: migration_20261206_020115_inbox_import_notes_press.down,
    name: '20261206_020115_inbox_import_notes_press',
  },
  {
    up: migration_20261206_022802_inbox_answer_times.up,
    down: migration_20261206_022802_inbox_answer_times.down,
    name: '20261206_022802_inbox_answer_times',
  },
  {
    up: migration_20261206_024327_inbox_silence.up,
    down: migration_20261206_024327_inbox_silence.down,
    name: '20261206_024327_inbox_silence',
  },
  {
    up: migration_20261206_035259_moderation_log_checkpoints.up,
    down: migration_20261206_035259_moderation_log_checkpoints.down,
    name: '20261206_035259_moderation_log_checkpoints',
  },
  {
    up: migration_20261206_112722_metric_snapshots.up,
    down: migration_20261206_112722_metric_snapshots.down,
    name: '20261206_112722_metric_snapshots',
  },
  {
    up: migration_20261206_155050_reporting_api.up,
    down: migration_20261206_155050_reporting_api.down,
    name: '20261206_155050_reporting_api',
  },
  {
    up: migration_20261206_162850_account_metrics.up,
    down: migration_20261206_162850_account_metrics.down,
    name: '20261206_162850_account_metrics',
  },
  {
    up: migration_20261206_165423_first_answer.up,
    down: migration_20261206_165423_first_answer.down,
    name: '20261206_165423_first_answer',
  },
  {
    up: migration_20261206_183052_periodic_reports.up,
    down: migration_20261206_183052_periodic_reports.down,
    name: '20261206_183052_periodic_reports',
  },
  {
    up: migration_20261206_184808_metric_imports.up,
    down: migration_20261206_184808_metric_imports.down,
    name: '20261206_184808_metric_imports',
  },
  {
    up: migration_20261206_190555_business_hours.up,
    down: migration_20261206_190555_business_hours.down,
    name: '20261206_190555_business_hours',
  },
  {
    up: migration_20261206_213947_crisis_watch.up,
    down: migration_20261206_213947_crisis_watch.down,
    name: '20261206_213947_crisis_watch',
  },
  {
    up: migration_20261206_221116_crisis_playbooks.up,
    down: migration_20261206_221116_crisis_playbooks.down,
    name: '20261206_221116_crisis_playbooks',
  },
  {
    up: migration_20261207_004241_triage_models_and_proximity.up,
    down: migration_20261207_004241_triage_models_and_proximity.down,
    name: '20261207_004241_triage_models_and_proximity',
  },
  {
    up: migration_20261207_010006_localized_rule_names.up,
    down: migration_20261207_010006_localized_rule_names.down,
    name: '20261207_010006_localized_rule_names',
  },
  {
    up: migration_20261207_031750_storage_fields.up,
    down: migration_20261207_031750_storage_fields.down,
    name: '20261207_031750_storage_fields',
  },
  {
    up: migration_20261207_034731_scheduled_run_claims.up,
    down: migration_20261207_034731_scheduled_run_claims.down,
    name: '20261207_034731_scheduled_run_claims'
  },
];
