# The Pact Broker as a Rack app, configured only from PACT_BROKER_* environment variables (the
# gem's own names: PACT_BROKER_DATABASE_URL, PACT_BROKER_BASIC_AUTH_*, PACT_BROKER_WEBHOOK_*),
# which src/broker-process.ts sets. Started by puma (Gemfile).
require "pact_broker"

run PactBroker::App.new
