from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.gateway_error import GatewayError
from ...models.twilio_inbound_call_response_403 import TwilioInboundCallResponse403
from ...models.twilio_inbound_call_response_413 import TwilioInboundCallResponse413
from ...models.twilio_inbound_call_response_422 import TwilioInboundCallResponse422
from ...models.twilio_inbound_call_response_500 import TwilioInboundCallResponse500
from ...models.twilio_inbound_call_response_503 import TwilioInboundCallResponse503
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks/twilio/voice",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 403:
        response_403 = TwilioInboundCallResponse403.from_dict(response.json())



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
        response_413 = TwilioInboundCallResponse413.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = TwilioInboundCallResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = GatewayError.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = TwilioInboundCallResponse500.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = TwilioInboundCallResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = GatewayError.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str]:
    """ A lead calls the number that texted them (form-encoded, signed): forwarded to MAIN_PHONE_NUMBER

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str | None:
    """ A lead calls the number that texted them (form-encoded, signed): forwarded to MAIN_PHONE_NUMBER

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str]:
    """ A lead calls the number that texted them (form-encoded, signed): forwarded to MAIN_PHONE_NUMBER

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str | None:
    """ A lead calls the number that texted them (form-encoded, signed): forwarded to MAIN_PHONE_NUMBER

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GatewayError | GatewayError | TwilioInboundCallResponse403 | TwilioInboundCallResponse413 | TwilioInboundCallResponse422 | TwilioInboundCallResponse500 | TwilioInboundCallResponse503 | str
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
