"""The template as CloudFormation runs it: transform template.yaml with SAM's own translator
(offline) and lint the result, which is where cycles and other deploy-time errors show.

`python -m infra.template_check` writes .aws-sam/transformed.json and runs cfn-lint on it;
exits non-zero on any error or warning. Parameters take their defaults unless given as
`Name=Value` arguments.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from infra.template import ROOT, TEMPLATE

OUT = ROOT / ".aws-sam" / "transformed.json"


class _NoManagedPolicies:
    """Stands in for SAM's managed-policy loader: the template names no managed policy by
    name, so nothing needs to be looked up in IAM (and no AWS account is needed)."""

    def load(self) -> dict[str, str]:
        return {}


def _with_placeholder_code(sam: dict[str, Any]) -> dict[str, Any]:
    """A local CodeUri is valid only after `sam package`; the translator wants an S3 object."""
    sam = copy.deepcopy(sam)
    bodies = [sam.get("Globals", {}).get("Function", {})]
    bodies += [
        r.setdefault("Properties", {})
        for r in sam["Resources"].values()
        if r["Type"].startswith("AWS::Serverless::Function")
    ]
    for props in bodies:
        if isinstance(props.get("CodeUri"), str):
            props["CodeUri"] = {"Bucket": "placeholder-bucket", "Key": props["CodeUri"]}
    return sam


def transformed(parameters: dict[str, str] | None = None, path: Path = TEMPLATE) -> dict[str, Any]:
    """template.yaml after the AWS::Serverless-2016-10-31 transform."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # the translator asks boto3 for a region
    from samtranslator.public.exceptions import InvalidDocumentException
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse

    sam = _with_placeholder_code(yaml_parse(path.read_text()))
    try:
        result: dict[str, Any] = transform(sam, parameters or {}, _NoManagedPolicies())
    except InvalidDocumentException as exc:
        raise SystemExit("SAM transform failed:\n" + "\n".join(str(c) for c in exc.causes)) from None
    return result


def lint(document: dict[str, Any], out: Path = OUT) -> subprocess.CompletedProcess[str]:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=1))
    cfn_lint = Path(sys.executable).with_name("cfn-lint")
    command = [str(cfn_lint), "--format", "parseable", str(out)]
    return subprocess.run(command, capture_output=True, text=True)  # noqa: S603 - our venv's cfn-lint, our file


def main(argv: list[str]) -> int:
    parameters = dict(arg.split("=", 1) for arg in argv)
    document = transformed(parameters)
    result = lint(document)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    kinds = len(document.get("Resources", {}))
    status = "clean" if result.returncode == 0 else f"FAILED (cfn-lint exit {result.returncode})"
    print(f"transformed template ({kinds} resources, {OUT.relative_to(ROOT)}): cfn-lint {status}")
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
