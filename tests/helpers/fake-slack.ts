/**
 * The fake Slack Web API lives in `support/`, outside `tests/`, so the Slack load bench can run it
 * too (benches never import from `tests/`); tests keep importing it from their helpers.
 */
export * from '../../support/fake-slack.js';
