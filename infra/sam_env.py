"""The environment `sam local invoke <Function> --env-vars events/env.json` gives each
function, computed by the SAM CLI's own code (no Docker needed for this part).

Run with the SAM CLI's interpreter: `.venv-sam/bin/python -m infra.sam_env [ENV_JSON]`.
Prints {function: {variable: value}} for every function named in the env file. SAM CLI
applies an env.json value only to a variable the template declares, so a variable missing
here was silently dropped.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def resolve(env_json: Path, template: Path = ROOT / "template.yaml") -> dict[str, dict[str, str]]:
    os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")
    os.environ.setdefault("SAM_CLI_TELEMETRY", "0")
    from samcli.commands.local.cli_common.invoke_context import InvokeContext
    from samcli.commands.local.lib.local_lambda import LocalLambdaRunner
    from samcli.lib.providers.sam_function_provider import SamFunctionProvider
    from samcli.lib.providers.sam_stack_provider import SamLocalStackProvider

    stacks, _ = SamLocalStackProvider.get_stacks(str(template))
    runner = LocalLambdaRunner(
        local_runtime=None,
        function_provider=SamFunctionProvider(stacks, ignore_code_extraction_warnings=True),
        cwd=str(template.parent),
        real_path=str(template.parent),
        env_vars_values=InvokeContext._get_env_vars_value(str(env_json)),
    )
    wanted = [name for name in json.loads(env_json.read_text()) if name != "Parameters"]
    return {name: runner._make_env_vars(runner.get_function(name)).resolve() for name in wanted}


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "events" / "env.json"
    print(json.dumps(resolve(path), indent=1, sort_keys=True))
