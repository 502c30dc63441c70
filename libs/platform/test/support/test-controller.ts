import { Body, Controller, Get, HttpCode, Logger, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { conflict, invalid } from '@bildungsraum/domain-kernel';
import { IsInt, IsObject, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import {
  ConflictProblem,
  CurrentPrincipal,
  currentCause,
  NotFoundProblem,
  OptionalPrincipal,
  Principal,
  Public,
  Roles,
} from '../../src';

export class AddressDto {
  @Matches(/^\d{5}$/, { message: 'postalCode must be five digits' })
  postalCode!: string;
}

export class CreateItemDto {
  @IsString()
  @Length(1, 50)
  name!: string;

  @IsInt()
  @Min(1)
  quantity!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

/** Exercises every platform behaviour the tests check, over real HTTP. */
@Controller()
export class TestController {
  private readonly logger = new Logger(TestController.name);

  @Post('items')
  @HttpCode(201)
  create(@Body() body: CreateItemDto, @CurrentPrincipal() principal: Principal): unknown {
    return { body, isDto: body instanceof CreateItemDto, principal, cause: currentCause() };
  }

  @Get('items/:id')
  item(@Param('id') id: string): unknown {
    if (id === 'missing') throw new NotFoundProblem('Angebot nicht gefunden.');
    if (id === 'conflict') throw new ConflictProblem('Version veraltet.', { currentVersion: 4 });
    if (id === 'boom') throw new Error('connection to /srv/secret-db refused');
    if (id === 'closed') throw conflict('item.closed', 'Das Angebot ist geschlossen.');
    if (id === 'too-many') throw invalid('item.too-many', 'Zu viele Teilnehmende.', [{ field: 'quantity', in: 'body', detail: 'höchstens 12' }]);
    return { id };
  }

  @Roles('coordinator', 'operator')
  @Get('coordination')
  coordination(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Public()
  @Get('public/ping')
  async ping(@OptionalPrincipal() principal: Principal | undefined): Promise<unknown> {
    // Cross a few async hops: the request context must survive them.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.logger.log('ping handled');
    return { principal: principal ?? null, cause: currentCause() };
  }

  @Public()
  @Post('public/echo')
  echo(@Body() body: CreateItemDto): unknown {
    return { body, cause: currentCause() };
  }
}
