"""The template as CloudFormation receives it: transformed by SAM, it lints clean (no cycle),
and carries SnapStart, access logs, throttling, sign-in and the early deploy rules."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from infra import deploy, template, template_check
from infra.events import env_file
from optout.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAM_PYTHON = ROOT / ".venv-sam" / "bin" / "python"


@pytest.fixture(scope="module")
def transformed() -> dict[str, Any]:
    return template_check.transformed()


def test_the_transformed_template_lints_clean(transformed: dict[str, Any], tmp_path: Path) -> None:
    result = template_check.lint(transformed, tmp_path / "t.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_catches_a_function_api_cycle(tmp_path: Path) -> None:
    # Given the old mistake: a function's environment names the API that routes to it
    source = tmp_path / "cyclic.yaml"
    source.write_text(
        """
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      Environment:
        Variables:
          BASE: !Sub "https://${Api}.execute-api.${AWS::Region}.amazonaws.com"
      Events:
        Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: /x}}
"""
    )
    # When it is transformed and linted, Then cfn-lint reports the cycle
    result = template_check.lint(template_check.transformed(path=source), tmp_path / "t.json")
    assert result.returncode != 0
    assert "E3004" in result.stdout


def _references(node: Any, name: str) -> bool:
    text = json.dumps(node)
    return f'"Ref": "{name}"' in text or f'"{name}.' in text or "${" + name in text


def test_no_function_environment_names_the_api() -> None:
    globals_env = template.load()["Globals"]["Function"]["Environment"]
    assert not _references(globals_env, "HttpApi")
    for name, fn in template.resources("AWS::Serverless::Function").items():
        assert not _references(fn["Properties"].get("Environment", {}), "HttpApi"), name


def test_every_function_uses_snapstart_on_an_alias(transformed: dict[str, Any]) -> None:
    functions = {k: v for k, v in transformed["Resources"].items() if v["Type"] == "AWS::Lambda::Function"}
    assert len(functions) == len(template.resources("AWS::Serverless::Function"))
    for name, fn in functions.items():
        assert fn["Properties"]["SnapStart"] == {"ApplyOn": "PublishedVersions"}, name
    aliases = [v for v in transformed["Resources"].values() if v["Type"] == "AWS::Lambda::Alias"]
    assert {a["Properties"]["Name"] for a in aliases} == {"live"}
    assert len(aliases) == len(functions)


def test_the_api_and_the_schedules_invoke_the_alias(transformed: dict[str, Any]) -> None:
    permissions = [v for v in transformed["Resources"].values() if v["Type"] == "AWS::Lambda::Permission"]
    assert permissions
    for permission in permissions:
        target = json.dumps(permission["Properties"]["FunctionName"])
        assert "Alias" in target, target
    schedules = [v for v in transformed["Resources"].values() if v["Type"] == "AWS::Scheduler::Schedule"]
    assert len(schedules) == 3
    for schedule in schedules:
        assert "Alias" in json.dumps(schedule["Properties"]["Target"]["Arn"])


def test_access_logs_hold_no_personal_data() -> None:
    api = template.resources("AWS::Serverless::HttpApi")["HttpApi"]["Properties"]
    fmt = api["AccessLogSettings"]["Format"]
    fields = json.loads(fmt)  # a JSON line per request
    used = set(re.findall(r"\$context\.[A-Za-z.]+", fmt))
    assert {"$context.routeKey", "$context.status", "$context.requestId", "$context.responseLatency"} <= used
    # never the raw path (it holds unsubscribe tokens), the caller's IP, the query or any header
    forbidden = ("$context.path", "$context.identity", "$context.http", "$context.authorizer.claims", "querystring")
    assert not [v for v in used if v.startswith(forbidden)], used
    assert "routeKey" in fields


def test_throttling_and_reserved_concurrency_are_parameters() -> None:
    api = template.resources("AWS::Serverless::HttpApi")["HttpApi"]["Properties"]
    assert api["DefaultRouteSettings"] == {
        "ThrottlingRateLimit": {"Ref": "ApiThrottlingRateLimit"},
        "ThrottlingBurstLimit": {"Ref": "ApiThrottlingBurstLimit"},
    }
    functions = template.resources("AWS::Serverless::Function")
    for public in ("TwilioWebhooksFunction", "EmailUnsubscribeFunction"):
        reserved = functions[public]["Properties"]["ReservedConcurrentExecutions"]
        assert reserved["Fn::If"][0] == "ReservePublicConcurrency"
        assert reserved["Fn::If"][1] == {"Ref": "PublicFunctionConcurrency"}


def test_an_alarm_watches_the_api_5xx_rate() -> None:
    alarms = template.resources("AWS::CloudWatch::Alarm")
    alarm = alarms["Api5xxAlarm"]["Properties"]
    metrics = {m["Id"]: m for m in alarm["Metrics"]}
    assert metrics["errors"]["MetricStat"]["Metric"]["MetricName"] == "5xx"
    assert metrics["requests"]["MetricStat"]["Metric"]["MetricName"] == "Count"
    assert "errors / requests" in metrics["rate"]["Expression"]
    assert alarm["Threshold"] == {"Ref": "Api5xxRateThreshold"}


def test_the_user_pool_has_the_five_roles_and_two_clients() -> None:
    groups = template.resources("AWS::Cognito::UserPoolGroup")
    assert sorted(g["Properties"]["GroupName"] for g in groups.values()) == sorted(
        ["rep", "manager", "admin", "support", "integration"]
    )
    clients = {
        c["Properties"]["ClientName"]: c["Properties"]
        for c in template.resources("AWS::Cognito::UserPoolClient").values()
    }
    people, machines = clients["people"], clients["integration"]
    assert people["AllowedOAuthFlows"] == ["code"] and people["GenerateSecret"] is False  # PKCE, public client
    assert machines["AllowedOAuthFlows"] == ["client_credentials"] and machines["GenerateSecret"] is True
    server = next(iter(template.resources("AWS::Cognito::UserPoolResourceServer").values()))["Properties"]
    scopes = [f"{server['Identifier']}/{s['ScopeName']}" for s in server["Scopes"]]
    assert machines["AllowedOAuthScopes"] == scopes == [Settings().integration_scope]
    assert template.load()["Parameters"]["IntegrationScope"]["Default"] == Settings().integration_scope


def test_the_authorizer_trusts_the_created_pool_or_the_given_issuer() -> None:
    api = template.resources("AWS::Serverless::HttpApi")["HttpApi"]["Properties"]["Auth"]
    jwt = api["Authorizers"][api["DefaultAuthorizer"]]["JwtConfiguration"]
    assert jwt["issuer"]["Fn::If"][0] == "CreateAuth"
    assert jwt["issuer"]["Fn::If"][2] == {"Ref": "JwtIssuer"}
    assert jwt["audience"]["Fn::If"][1] == [{"Ref": "PeopleClient"}, {"Ref": "MachineClient"}]
    assert jwt["audience"]["Fn::If"][2] == {"Ref": "JwtAudience"}


def test_deploys_that_cannot_work_are_refused_by_rules() -> None:
    rules = template.load()["Rules"]
    conditions = {json.dumps(r["RuleCondition"]): r for r in rules.values() if "RuleCondition" in r}
    snapstart = rules["SnapStartRuntime"]["Assertions"][0]["Assert"]
    assert snapstart == {"Fn::Not": [{"Fn::Equals": [{"Ref": "PythonRuntime"}, "python3.11"]}]}
    sms_first = conditions[json.dumps({"Fn::Equals": [{"Ref": "SmsFirst"}, "on"]})]
    assert sms_first["Assertions"][0]["Assert"] == {"Fn::Not": [{"Fn::Equals": [{"Ref": "TwilioAccountSid"}, ""]}]}
    assert json.dumps({"Fn::Equals": [{"Ref": "LookupEnabled"}, "true"]}) in conditions
    assert json.dumps({"Fn::Equals": [{"Ref": "CreateUserPool"}, "false"]}) in conditions


def test_samconfig_names_the_parameters_a_deploy_needs() -> None:
    text = (ROOT / "samconfig.toml").read_text()
    for env in ("dev", "prod"):
        section = text.split(f"[{env}.deploy.parameters]", 1)[1].split("\n[", 1)[0]
        overrides = re.search(r'parameter_overrides = "([^"]*)"', section)
        assert overrides, env
        names = {pair.split("=", 1)[0] for pair in overrides.group(1).split()}
        assert {"SmsFromNumber", "SmsFirst", "CreateUserPool", "StopScope", "PublicFunctionConcurrency"} <= names
        if "SmsFirst=on" in overrides.group(1):  # the rule would refuse it otherwise
            assert "TwilioAccountSid" in names, env
        assert set(names) <= set(template.load()["Parameters"]), names - set(template.load()["Parameters"])


def _sam_cli_environment(env_json: Path) -> dict[str, dict[str, str]]:
    assert SAM_PYTHON.exists(), "the SAM CLI's venv is missing: run `make template` (make test does)"
    out = subprocess.run(
        [str(SAM_PYTHON), "-m", "infra.sam_env", str(env_json)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    resolved: dict[str, dict[str, str]] = json.loads(out.stdout)
    return resolved


def test_sam_local_invoke_applies_every_variable_of_env_json() -> None:
    # Given the committed env.json, resolved by the SAM CLI's own code
    env_json = ROOT / "events" / "env.json"
    assert json.loads(env_json.read_text()) == env_file()
    resolved = _sam_cli_environment(env_json)
    for function, variables in env_file().items():
        for key, value in variables.items():
            # Then nothing was dropped: SAM CLI keeps only variables the template declares
            assert resolved[function].get(key) == value, f"{function}: {key} dropped"
        # and table variables are plain names, and the settings build from what SAM gives
        for key in ("CONTACTS_TABLE", "SUPPRESSIONS_TABLE", "AUDIT_TABLE"):
            assert re.fullmatch(r"[A-Za-z0-9_.-]{3,255}", resolved[function][key]), resolved[function][key]
        Settings.from_env(resolved[function])


def test_sam_local_drops_undeclared_variables(tmp_path: Path) -> None:
    # The premise of the test above: an undeclared variable disappears.
    env_json = tmp_path / "env.json"
    env_json.write_text(json.dumps({"RepActionsFunction": {"NOT_DECLARED_ANYWHERE": "x", "STOP_SCOPE": "all"}}))
    resolved = _sam_cli_environment(env_json)["RepActionsFunction"]
    assert "NOT_DECLARED_ANYWHERE" not in resolved
    assert resolved["STOP_SCOPE"] == "all"


def test_template_check_runs_as_make_template_does() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "infra.template_check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "cfn-lint clean" in out.stdout


def test_a_parameter_change_publishes_a_new_version() -> None:
    # SAM names a function version by a hash of the code and AutoPublishCodeSha256 only:
    # the deploy's digest of its parameters is what makes a parameter change go live.
    def versions(**parameters: str) -> set[str]:
        document = template_check.transformed(parameters)
        return {k for k, v in document["Resources"].items() if v["Type"] == "AWS::Lambda::Version"}

    dev = deploy.overrides("dev")
    changed = dev.replace("StopScope=sms", "StopScope=all")
    assert changed != dev
    assert deploy.digest(dev) != deploy.digest(changed)
    assert deploy.digest(dev) == deploy.digest(" ".join(reversed(dev.split())))  # order does not matter
    first = versions(ConfigurationDigest=deploy.digest(dev))
    assert versions(ConfigurationDigest=deploy.digest(dev)) == first
    assert versions(ConfigurationDigest=deploy.digest(changed)).isdisjoint(first)


def test_make_deploy_passes_the_digest_with_the_environment_s_parameters() -> None:
    cmd = deploy.command("prod", "sam")
    assert cmd[:4] == ["sam", "deploy", "--config-env", "prod"]
    assert cmd[-1].startswith(deploy.overrides("prod") + " ConfigurationDigest=")
    assert cmd[-1].endswith(deploy.digest(deploy.overrides("prod")))
