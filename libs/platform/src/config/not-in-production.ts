import { registerDecorator, ValidationArguments } from 'class-validator';

/** Rejects `value` for the decorated property when NODE_ENV=production on the same object. */
export function NotInProduction(forbidden: string): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'notInProduction',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)}=${forbidden} is not allowed when NODE_ENV=production` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const environment = (args.object as { NODE_ENV?: string }).NODE_ENV;
          return !(environment === 'production' && value === forbidden);
        },
      },
    });
  };
}
