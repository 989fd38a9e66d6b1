from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.gateway_error import GatewayError
from ...models.twilio_message_status_body import TwilioMessageStatusBody
from ...models.twilio_message_status_response_403 import TwilioMessageStatusResponse403
from ...models.twilio_message_status_response_413 import TwilioMessageStatusResponse413
from ...models.twilio_message_status_response_422 import TwilioMessageStatusResponse422
from ...models.twilio_message_status_response_500 import TwilioMessageStatusResponse500
from ...models.twilio_message_status_response_503 import TwilioMessageStatusResponse503
from typing import cast



def _get_kwargs(
    *,
    body: TwilioMessageStatusBody,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks/twilio/status",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503 | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 403:
        response_403 = TwilioMessageStatusResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        def _parse_response_404(data: object) -> ErrorResponse | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_404_type_0 = ErrorResponse.from_dict(data)



                return response_404_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_404_type_1 = GatewayError.from_dict(data)



            return response_404_type_1

        response_404 = _parse_response_404(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = TwilioMessageStatusResponse413.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = TwilioMessageStatusResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = GatewayError.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = TwilioMessageStatusResponse500.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = TwilioMessageStatusResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = GatewayError.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TwilioMessageStatusBody,

) -> Response[Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503]:
    """ Message status callback from Twilio (form-encoded, signed)

    Args:
        body (TwilioMessageStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TwilioMessageStatusBody,

) -> Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503 | None:
    """ Message status callback from Twilio (form-encoded, signed)

    Args:
        body (TwilioMessageStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TwilioMessageStatusBody,

) -> Response[Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503]:
    """ Message status callback from Twilio (form-encoded, signed)

    Args:
        body (TwilioMessageStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TwilioMessageStatusBody,

) -> Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503 | None:
    """ Message status callback from Twilio (form-encoded, signed)

    Args:
        body (TwilioMessageStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | GatewayError | GatewayError | TwilioMessageStatusResponse403 | TwilioMessageStatusResponse413 | TwilioMessageStatusResponse422 | TwilioMessageStatusResponse500 | TwilioMessageStatusResponse503
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
